import type { Locale } from '@/lib/survey/codebook';
import type { DataTypesModel } from '@/lib/explore/build/dataTypes';
import { TIER_COLOUR } from '../../colours';
import { exploreMessages, tx } from '../../messages';
import { splitTable } from '../../table';
import { BarChartCard } from '../BarChartCard';
import { ChartCard } from '../ChartCard';
import { SplitChartView } from '../SplitChartView';

const SPLIT_COLOUR = { ok: TIER_COLOUR.ok, grey: '#c9ccd1', nogo: TIER_COLOUR.nogo } as const;

/** Which data types are OK, grey zone and no-go for this audience, in words (G2-G4). */
function TierSummary({ model, locale }: { model: DataTypesModel; locale: Locale }) {
  return (
    <div className="tier-summary" data-testid="tier-summary">
      <p className="tier-summary-title">{tx(locale, 'tierSummaryTitle')}</p>
      <ul>
        {(['ok', 'grey', 'nogo'] as const).map((tier) => {
          const rows = model.split.rows.filter((r) => r.computedTier === tier);
          return (
            <li key={tier} className={`tier-${tier}`}>
              <span className={`tier-badge tier-badge-${tier}`}>{tx(locale, `tier_${tier}`)}</span> {rows.length ? rows.map((r) => r.label[locale]).join(', ') : '–'}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function DataTypesView({ model, locale, fileBase }: { model: DataTypesModel; locale: Locale; fileBase: string[] }) {
  const crossed = model.ok.seriesDim !== null;
  const splitTitle = tx(locale, 'dtSplitTitle');
  const rowHeader = exploreMessages.rowDataType;
  return (
    <>
      <BarChartCard
        chart={model.ok}
        locale={locale}
        title={tx(locale, 'dtOkTitle')}
        lead={crossed ? tx(locale, 'dtOkLeadCrossed', { cross: model.ok.seriesDim![locale].toLowerCase() }) : tx(locale, 'dtOkLead')}
        summary={<TierSummary model={model} locale={locale} />}
        colourBy={crossed ? 'series' : 'tier'}
        rowHeader={rowHeader}
        fileParts={[...fileBase, 'ok-share']}
        extraFootnote={[tx(locale, 'tierRule')]}
      />
      <ChartCard
        id="datatypes-split"
        title={splitTitle}
        lead={tx(locale, 'dtSplitLead')}
        legend={model.split.parts.map((p) => ({ label: p.label[locale], colour: SPLIT_COLOUR[p.role] }))}
        chart={<SplitChartView parts={model.split.parts} rows={model.split.rows} locale={locale} title={splitTitle} />}
        footnote={[tx(locale, 'splitFootnote'), tx(locale, 'tierRule')]}
        table={splitTable(model.split.parts, model.split.rows, model.split.minBase, locale, rowHeader[locale])}
        locale={locale}
        fileParts={[...fileBase, 'answer-split']}
        tableCaption={tx(locale, 'tableCaption', { title: splitTitle })}
      />
    </>
  );
}
