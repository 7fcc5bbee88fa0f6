import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '@/lib/survey/codebook';
import type { DataTypesModel } from '@/lib/explore/viewModels/dataTypes';
import { INK, TIER_COLOUR } from '../../colours';
import type { ExploreText } from '../../messages';
import { noteOf, splitTable } from '../../table';
import { BarChartCard } from '../BarChartCard';
import { ChartCard } from '../ChartCard';
import { SplitChartView, type StackPart, type StackRow } from '../SplitChartView';

const SPLIT_COLOUR = { ok: TIER_COLOUR.ok, grey: '#c9ccd1', nogo: TIER_COLOUR.nogo } as const;
const SPLIT_INK = { ok: '#fff', grey: INK, nogo: '#fff' } as const;

const stackParts = (model: DataTypesModel, locale: Locale): StackPart[] => model.split.parts.map((p) => ({ code: p.code, label: p.label[locale], fill: SPLIT_COLOUR[p.role], ink: SPLIT_INK[p.role] }));

/** The whole answer follows the crossing, as the OK chart above it does: a row per data type and level. */
const splitRows = (model: DataTypesModel) => model.split.crossedRows ?? model.split.rows;

/** The split's rows for the stacked bars: the OK share leads, the not-OK share (the last of three or more) closes. */
function stackRows(model: DataTypesModel, locale: Locale, t: ExploreText): StackRow[] {
  const { minBase } = model.split;
  return splitRows(model).map((row) => ({
    key: row.key,
    label: row.label[locale],
    parts: row.parts,
    lead: row.parts[0],
    tail: row.parts.length >= 3 ? row.parts[row.parts.length - 1] : undefined,
    extra: [`${t('colTierComputed')}: ${t(`tier_${row.computedTier}`)}`],
    small: row.parts[0].small ? noteOf(row.parts[0], minBase, locale, t) : undefined,
  }));
}

/** Which data types are OK, grey zone and no-go for this audience, in words (G2-G4). */
function TierSummary({ model }: { model: DataTypesModel }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  return (
    <div className="tier-summary" data-testid="tier-summary">
      <p className="tier-summary-title">{t('tierSummaryTitle')}</p>
      <ul>
        {(['ok', 'grey', 'nogo'] as const).map((tier) => {
          const rows = model.split.rows.filter((r) => r.computedTier === tier);
          return (
            <li key={tier} className={`tier-${tier}`}>
              <span className={`tier-badge tier-badge-${tier}`}>{t(`tier_${tier}`)}</span> {rows.length ? rows.map((r) => r.label[locale]).join(', ') : '–'}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function DataTypesView({ model, fileBase }: { model: DataTypesModel; fileBase: string[] }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  const crossed = model.ok.seriesDim !== null;
  const splitTitle = t('dtSplitTitle');
  const rowHeader = t('rowDataType');
  return (
    <>
      <BarChartCard
        chart={model.ok}
        title={t('dtOkTitle')}
        lead={crossed ? t('dtOkLeadCrossed', { cross: model.ok.seriesDim![locale].toLowerCase() }) : t('dtOkLead')}
        summary={<TierSummary model={model} />}
        colourBy={crossed ? 'series' : 'tier'}
        rowHeader={rowHeader}
        fileParts={[...fileBase, 'ok-share']}
        extraFootnote={[t('tierRule')]}
      />
      <ChartCard
        id="datatypes-split"
        title={splitTitle}
        lead={crossed && model.split.crossDim ? `${t('dtSplitLeadCrossed', { cross: model.split.crossDim[locale].toLowerCase() })} ${t('dtSplitLead')}` : t('dtSplitLead')}
        legend={model.split.parts.map((p) => ({ label: p.label[locale], colour: SPLIT_COLOUR[p.role] }))}
        chart={<SplitChartView parts={stackParts(model, locale)} rows={stackRows(model, locale, t)} title={splitTitle} />}
        footnote={[t('splitFootnote'), t('tierRule')]}
        table={splitTable(model.split.parts, splitRows(model), model.split.minBase, locale, t, rowHeader, { tiers: true })}
        fileParts={[...fileBase, 'answer-split']}
        tableCaption={t('tableCaption', { title: splitTitle })}
      />
    </>
  );
}
