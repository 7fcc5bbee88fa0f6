import type { Label } from '../survey/codebook';
import { quoted } from '../survey/quoteValue';

/**
 * What can stop a weighting, in English and Dutch: targets that do not fit the dataset, a sample
 * level without respondents that has a target, raking that does not converge. A weighting that
 * stops is a message, never a half-made weight. Values from the analyst (names, levels) are quoted
 * through quoteValue (80 characters at most, control characters named).
 */
export interface WeightingProblem {
  code: string;
  message: Label;
}

export class WeightingError extends Error {
  constructor(readonly problems: WeightingProblem[]) {
    super(problems.map((p) => p.message.en).join('; '));
    this.name = 'WeightingError';
  }
}

/** The dataset changed since the analyst read it (412). */
export class RevisionMovedError extends Error {
  constructor(
    readonly found: number,
    readonly expected: number,
  ) {
    super(`the dataset has changed since you read it (revision ${found}, not ${expected}); reload it and weight again`);
    this.name = 'RevisionMovedError';
  }
}

const pct = (share: number, locale: 'en' | 'nl') => `${(share * 100).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 })}%`;
const num = (n: number, locale: 'en' | 'nl') => n.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
const both = (code: string, make: (locale: 'en' | 'nl') => string): WeightingProblem => ({ code, message: { en: make('en'), nl: make('nl') } });
/** A name the dataset gives in both languages, or one the analyst typed (the same in both). */
type Name = Label | string;
const nm = (name: Name, locale: 'en' | 'nl') => (typeof name === 'string' ? quoted(name) : name[locale]);

export const problem = {
  noMargins: () => both('NoMargins', (l) => (l === 'nl' ? 'Kies minstens één variabele om op te wegen.' : 'Choose at least one variable to weight on.')),
  unknownAttribute: (name: string) =>
    both('UnknownAttribute', (l) => (l === 'nl' ? `De dataset heeft geen kenmerk ${quoted(name)}.` : `The dataset has no attribute ${quoted(name)}.`)),
  repeatedAttribute: (name: string) =>
    both('RepeatedAttribute', (l) => (l === 'nl' ? `${quoted(name)} staat twee keer in de doelen; geef elk kenmerk één keer.` : `${quoted(name)} appears twice in the targets; give each attribute once.`)),
  unknownLevel: (attribute: Label, level: string) =>
    both('UnknownLevel', (l) => (l === 'nl' ? `${quoted(level)} is geen niveau van ${attribute.nl}.` : `${quoted(level)} is not a level of ${attribute.en}.`)),
  repeatedLevel: (attribute: Label, level: string) =>
    both('RepeatedLevel', (l) => (l === 'nl' ? `${attribute.nl}: ${quoted(level)} heeft twee doelen.` : `${attribute.en}: ${quoted(level)} has two targets.`)),
  badPercent: (attribute: Label, level: Name, value: string) =>
    both('BadPercent', (l) =>
      l === 'nl' ? `${attribute.nl}, ${nm(level, l)}: ${quoted(value)} is geen percentage van 0 tot 100.` : `${attribute.en}, ${nm(level, l)}: ${quoted(value)} is not a percentage from 0 to 100.`,
    ),
  notHundred: (attribute: Label, sum: number) =>
    both('TargetsNotHundred', (l) =>
      l === 'nl' ? `De doelen voor ${attribute.nl} tellen op tot ${num(sum, l)}%, niet tot 100%.` : `The targets for ${attribute.en} add up to ${num(sum, l)}%, not 100%.`,
    ),
  totalsDiffer: (first: Label, other: Label) =>
    both('TotalsDiffer', (l) =>
      l === 'nl' ? `De totalen van ${first.nl} en ${other.nl} verschillen: elk kenmerk moet optellen tot dezelfde populatie.` : `The totals of ${first.en} and ${other.en} differ: every attribute must add up to the same population.`,
    ),
  missingTarget: (attribute: Label, level: Label, respondents: number) =>
    both('MissingTarget', (l) =>
      l === 'nl'
        ? `${attribute.nl}: ${level.nl} heeft ${num(respondents, l)} respondenten maar geen doel. Geef elk niveau met respondenten een doel.`
        : `${attribute.en}: ${level.en} has ${num(respondents, l)} respondents but no target. Give every level with respondents a target.`,
    ),
  emptyCell: (attribute: Label, level: Label, target: number) =>
    both('EmptyCell', (l) =>
      l === 'nl'
        ? `${attribute.nl}: ${level.nl} heeft een doel van ${pct(target, l)} maar geen enkele respondent (met een gewicht boven 0). Een lege groep kan niet worden opgewogen: zet het doel op 0% of voeg het niveau samen met een ander.`
        : `${attribute.en}: ${level.en} has a target of ${pct(target, l)} but no respondent (with a weight above 0). An empty group cannot be weighted up: set its target to 0% or merge the level with another.`,
    ),
  zeroTarget: (attribute: Label, level: Label, respondents: number) =>
    both('ZeroTarget', (l) =>
      l === 'nl'
        ? `${attribute.nl}: ${level.nl} heeft een doel van 0% maar ${num(respondents, l)} respondenten. Raken kan hun gewicht niet op 0 zetten (net als R's rake()); geef een doel boven 0.`
        : `${attribute.en}: ${level.en} has a target of 0% but ${num(respondents, l)} respondents. Raking cannot set their weight to 0 (as R's rake()); give a target above 0.`,
    ),
  unreachable: (error: number) =>
    both('TargetsUnreachable', (l) =>
      l === 'nl'
        ? `De doelen zijn niet allemaal tegelijk te halen: het raken kwam tot stilstand met een afwijking van ${num(error * 100, l)} procentpunt. Een combinatie van niveaus heeft geen respondenten (bijvoorbeeld alle vrouwen in één leeftijdsgroep); pas de doelen aan of voeg niveaus samen.`
        : `The targets cannot all be met at once: raking settled ${num(error * 100, l)} percentage points away from a target. Some combination of levels has no respondents (for example every woman in one age group); change the targets or merge levels.`,
    ),
  notConverged: (sweeps: number, error: number) =>
    both('NotConverged', (l) =>
      l === 'nl'
        ? `Het raken convergeerde niet in ${sweeps} rondes (grootste afwijking van een doel: ${num(error * 100, l)} procentpunt). De doelen spreken elkaar mogelijk tegen, of een combinatie van niveaus heeft te weinig respondenten.`
        : `Raking did not converge in ${sweeps} sweeps (largest gap to a target: ${num(error * 100, l)} percentage points). The targets may contradict each other, or a combination of levels has too few respondents.`,
    ),
  boundsInfeasible: (lo: number, hi: number, steps: number) =>
    both('BoundsInfeasible', (l) =>
      l === 'nl'
        ? `De doelen zijn niet te halen met gewichten tussen ${num(lo, l)} en ${num(hi, l)} keer het basisgewicht (${steps} stappen). Verruim de grenzen of laat het trimmen weg.`
        : `The targets cannot be met with weights between ${num(lo, l)} and ${num(hi, l)} times the base weight (${steps} steps). Widen the bounds or leave trimming out.`,
    ),
  badBounds: () =>
    both('BadBounds', (l) =>
      l === 'nl' ? 'De grenzen voor trimmen moeten een ondergrens tussen 0 en 1 en een bovengrens boven 1 zijn (bijvoorbeeld 0,3 en 3).' : 'Trimming bounds must be a lower bound between 0 and 1 and an upper bound above 1 (for example 0.3 and 3).',
    ),
  unknownBase: (id: string) => both('UnknownBase', (l) => (l === 'nl' ? `De dataset heeft geen gewicht ${quoted(id)} om mee te beginnen.` : `The dataset has no weight ${quoted(id)} to start from.`)),
  badName: () =>
    both('BadName', (l) =>
      l === 'nl' ? 'Geef de weging een naam van 1 tot 120 tekens, zonder stuurtekens.' : 'Give the weighting a name of 1 to 120 characters, without control characters.',
    ),
  badCsv: (line: number, what: Label) =>
    both('BadTargetsCsv', (l) =>
      l === 'nl' ? `Regel ${line} van de doelen: ${what.nl}. Verwacht: variable,level,percent.` : `Line ${line} of the targets: ${what.en}. Expected: variable,level,percent.`,
    ),
  badTargetsJson: (what: string) => both('BadTargets', (l) => (l === 'nl' ? `De doelen kloppen niet: ${what}.` : `The targets are not valid: ${what}.`)),
};
