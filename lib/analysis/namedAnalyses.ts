import type { SurveyData } from '../survey/dataset';
import { acceptance, type AcceptanceTable } from './acceptance';
import { itemColumn } from '../survey/dataset';
import type { AcceptanceQuery } from './query';

/**
 * The analyses the product offers, as named entry points over the engine. Each can be crossed with
 * further dimensions (`cross`: attribute ids or item dimensions) and restricted by `filter`.
 * Conventions of the codebook: data types are the items of family "dataType", automated-service
 * scenarios those of family "scenario", context dimensions "situation", "place" and "industry".
 */
export const DATA_TYPE_FAMILY = 'dataType';
export const SCENARIO_FAMILY = 'scenario';
export const CONTEXT_DIMENSIONS = ['situation', 'place', 'industry'] as const;
export const BOND_ATTRIBUTES = ['bond', 'trust'] as const;

type Options = Pick<AcceptanceQuery, 'filter' | 'minBase' | 'confLevel' | 'outcome'> & { cross?: string[] };

/** Acceptance (OK share) of every data type, each on its own. */
export function acceptanceByDataType(data: SurveyData, options: Options = {}): AcceptanceTable {
  const { cross = [], ...rest } = options;
  return acceptance(data, { ...rest, family: DATA_TYPE_FAMILY, by: ['item', ...cross] });
}

/** Acceptance of automated services by any combination of respondent attributes (segments). */
export function acceptanceBySegment(data: SurveyData, attributes: string[], options: Options & Pick<AcceptanceQuery, 'items' | 'family'> = {}): AcceptanceTable {
  const { cross = [], ...rest } = options;
  const scope = rest.items ? {} : { family: rest.family ?? SCENARIO_FAMILY };
  return acceptance(data, { ...rest, ...scope, by: [...attributes, ...cross] });
}

/** Acceptance of automated services by context dimensions (one or several, crossed), pooling scenarios. */
export function acceptanceByContext(data: SurveyData, dimensions: string[] = [...CONTEXT_DIMENSIONS], options: Options = {}): AcceptanceTable {
  const { cross = [], ...rest } = options;
  return acceptance(data, { ...rest, family: SCENARIO_FAMILY, by: [...dimensions, ...cross] });
}

/** Acceptance of automated services by emotional-bond or trust band. */
export function acceptanceByBond(data: SurveyData, attribute: (typeof BOND_ATTRIBUTES)[number] = 'bond', options: Options = {}): AcceptanceTable {
  const { cross = [], ...rest } = options;
  return acceptance(data, { ...rest, family: SCENARIO_FAMILY, by: [attribute, ...cross] });
}

/** The full answer split of one item (OK / depends / not OK): one weighted share per answer code. */
export function answerSplit(data: SurveyData, itemId: string, options: Pick<AcceptanceQuery, 'filter' | 'minBase' | 'confLevel'> = {}) {
  const column = itemColumn(data, itemId);
  return column.codes.map((code) => ({ code: code.code, label: code.label, cell: acceptance(data, { ...options, items: [itemId], outcome: [code.code] }).overall }));
}
