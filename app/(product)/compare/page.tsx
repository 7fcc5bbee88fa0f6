import { useLocale } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { pageTitle } from '@/app/pageTitle';
import Form from 'next/form';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader, SyntheticNotice } from '@/app/components/SiteHeader';
import { AutoSubmitSelect } from '../planner/AutoSubmitSelect';
import { SignInRequiredPage, uploadNeedsSignIn } from '../account/SignInRequired';
import { ComparisonTable, type TableRow } from '@/app/components/comparison/ComparisonTable';
import { DotPlot } from '@/app/components/comparison/DotPlot';
import { comparisonText } from '@/app/components/comparison/messages';
import '@/app/components/comparison/comparison.css';
import './compare.css';
import { compareText } from './messages';
import { TrendChart } from './TrendChart';
import { benchmark, BenchmarkError, benchmarkOptions, type BenchmarkResult } from '@/lib/analysis/benchmark';
import { shownDifference } from '@/lib/analysis/comparisonDisplay';
import type { ComparedSides } from '@/lib/analysis/comparisonRow';
import { comparableAttributes, compareLevels, familiesWithItems, type LevelComparison, LevelComparisonError } from '@/lib/analysis/levelComparison';
import { pairingBetween, type PairingSource } from '@/lib/analysis/pairing';
import { requestDatasets } from '@/app/server/request';
import { ALL_FAMILIES, chooseDataset, choiceQuery, chosenFamily, type CompareChoice, resolveChoice } from '@/lib/compare/state';
import { datasetCatalog } from '@/lib/explore/catalog';
import { firstParam } from '@/lib/http/searchParams';
import { formatNumber } from '@/lib/i18n/messages';
import type { DatasetListing } from '@/lib/storage/datasetRegistry';
import type { Label, Locale } from '@/lib/survey/codebook';
import type { SurveyData } from '@/lib/survey/dataset';
import { defaultWeightId, selectWeight, weightNote, weightOptions } from '@/lib/survey/weights';
import { showWeightField, weightFieldLabel, weightFieldOptions } from '@/app/components/weightChoice';
import { TermText } from '@/app/components/help/TermText';
import { COMPARISON_TERMS } from '@/app/components/help/terms';

export const generateMetadata = pageTitle('compare');

type SearchParams = Record<string, string | string[] | undefined>;
const MIN_BASES = [0, 10, 20, 30, 50, 100];

/** A dataset's name in the reader's language: the short study name for references ("Study P · Accenture"), the upload's own name. */
function nameOf(listing: DatasetListing, data: SurveyData | null): Label {
  return listing.reference && data ? datasetCatalog(data.codebook).shortTitle : listing.title;
}

function optionLabel(listing: DatasetListing, locale: Locale): string {
  return listing.reference ? listing.title[locale] : compareText(locale, 'uploadedMark', { name: listing.title[locale] });
}

interface ControlsProps {
  choice: CompareChoice;
  listings: DatasetListing[];
  data: SurveyData;
  families: { id: string; label: Label }[];
}

function Controls({ choice, listings, data, families }: ControlsProps) {
  const locale = useLocale();
  const field = (id: string, name: string, label: string, value: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`cmp-${id}`}>{label}</label>
      <AutoSubmitSelect id={`cmp-${id}`} name={name} value={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </AutoSubmitSelect>
    </div>
  );
  const attributes = comparableAttributes(data);
  const levels = attributes.find((a) => a.id === choice.by)?.levels ?? [];
  const minBases = [...new Set([...MIN_BASES, choice.minBase])].sort((x, y) => x - y);
  const weights = weightOptions(data.codebook);
  return (
    <Form action="/compare" className="bench-controls" aria-label={compareText(locale, 'controls')}>
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      {field(
        'dataset',
        'dataset',
        compareText(locale, 'dataset'),
        choice.dataset,
        listings.map((d) => ({ value: d.id, label: optionLabel(d, locale) })),
      )}
      {field('mode', 'mode', compareText(locale, 'mode'), choice.mode, [
        { value: 'levels', label: compareText(locale, 'modeLevels') },
        { value: 'datasets', label: compareText(locale, 'modeDatasets') },
      ])}
      {choice.mode === 'levels' && attributes.length > 0 && (
        <>
          {field(
            'by',
            'by',
            compareText(locale, 'by'),
            choice.by,
            attributes.map((a) => ({ value: a.id, label: a.label[locale] })),
          )}
          {field(
            'a',
            'a',
            compareText(locale, 'a'),
            choice.a,
            levels.map((l) => ({ value: l.code, label: l.label[locale] })),
          )}
          {field(
            'b',
            'b',
            compareText(locale, 'b'),
            choice.b,
            levels.map((l) => ({ value: l.code, label: l.label[locale] })),
          )}
        </>
      )}
      {choice.mode === 'datasets' &&
        choice.with &&
        field(
          'with',
          'with',
          compareText(locale, 'with'),
          choice.with,
          listings.filter((d) => d.id !== choice.dataset).map((d) => ({ value: d.id, label: optionLabel(d, locale) })),
        )}
      {field('family', 'family', compareText(locale, 'family'), choice.family || ALL_FAMILIES, [{ value: ALL_FAMILIES, label: compareText(locale, 'familyAll') }, ...families.map((f) => ({ value: f.id, label: f.label[locale] }))])}
      {field(
        'minBase',
        'minBase',
        compareText(locale, 'minBase'),
        String(choice.minBase),
        minBases.map((n) => ({ value: String(n), label: compareText(locale, 'minBaseOption', { n: formatNumber(n, locale) }) })),
      )}
      {showWeightField(weights) && field('weight', 'weight', weightFieldLabel(locale), choice.weight ?? defaultWeightId(data.codebook), weightFieldOptions(weights, locale))}
      <noscript>
        <button type="submit" className="button">
          {compareText(locale, 'apply')}
        </button>
      </noscript>
    </Form>
  );
}

function Shell({ query, children }: { query: string; children: ReactNode }) {
  const locale = useLocale();
  return (
    <>
      <SiteHeader path="/compare" query={query} />
      <main id="main" tabIndex={-1} lang={locale} className="page compare-page">
        {children}
      </main>
    </>
  );
}

/** The rows both modes show, in the shared table's and dot plot's terms. */
interface Shown {
  rows: (TableRow & { plotName: string })[];
  names: [Label, Label];
  columns: { a: string; b: string; baseA: string; baseB: string };
  minBase: number;
}

function levelRows(result: LevelComparison, locale: Locale): Shown {
  const names: [Label, Label] = [result.a.label, result.b.label];
  return {
    names,
    minBase: result.minBase,
    columns: { a: result.a.label[locale], b: result.b.label[locale], baseA: compareText(locale, 'colBase', { name: result.a.label[locale] }), baseB: compareText(locale, 'colBase', { name: result.b.label[locale] }) },
    rows: result.rows.map((row) => ({ key: row.key, label: row.label[locale], plotName: row.label[locale], a: row.a, b: row.b, compared: row })),
  };
}

function datasetRows(result: BenchmarkResult, names: [Label, Label], locale: Locale): Shown {
  const joined = (labels: Label[]) => labels.map((l) => l[locale]).join(', ');
  return {
    names,
    minBase: result.minBase,
    columns: { a: names[0][locale], b: names[1][locale], baseA: compareText(locale, 'colBase', { name: names[0][locale] }), baseB: compareText(locale, 'colBase', { name: names[1][locale] }) },
    rows: result.rows.map((row) => {
      const detail = [
        ...(row.referenceLabel[locale] !== row.label[locale] ? [comparisonText(locale, 'against', { label: row.referenceLabel[locale] })] : []),
        ...(row.positive && result.pairing === 'correspondence' ? [comparisonText(locale, 'counts', { a: joined(row.positive.upload), nameA: names[0][locale], b: joined(row.positive.reference), nameB: names[1][locale] })] : []),
      ].join(' · ');
      return { key: row.key, label: row.label[locale], plotName: row.label[locale], detail: detail || undefined, a: row.upload, b: row.reference, compared: row };
    }),
  };
}

function pairingNote(source: PairingSource, names: [string, string], locale: Locale, referenceName: (id: string) => string): string | null {
  if (source.kind === 'direct') return compareText(locale, 'pairedDirect', { b: names[1] });
  if (source.kind === 'inverse') return compareText(locale, 'pairedInverse', { a: names[0] });
  if (source.kind === 'id') return compareText(locale, 'pairedId');
  if (source.kind === 'reference') return compareText(locale, 'pairedReference', { reference: referenceName(source.reference) });
  return null;
}

function filterNote(data: SurveyData, filter: Record<string, string[]>, name: string, locale: Locale): string | null {
  const parts = Object.entries(filter).map(([id, codes]) => {
    const attribute = data.attributes.get(id)!;
    return `${attribute.label[locale].toLowerCase()} ${codes.map((c) => attribute.levels.find((l) => l.code === c)?.label[locale] ?? c).join(', ')}`;
  });
  return parts.length ? compareText(locale, 'filtersNote', { name, filters: parts.join('; ') }) : null;
}

function Results({ shown, title, summary, sideNames }: { shown: Shown; title: string; summary: ReactNode; sideNames: [string, string] }) {
  const locale = useLocale();
  return (
    <>
      {summary}
      <DotPlot
        rows={shown.rows.map((row) => {
          const d = shownDifference(row.compared, [row.a, row.b], shown.names, shown.minBase);
          return { key: row.key, name: row.plotName, value: d.value, mark: d.mark, small: row.compared.smallBase, sides: [row.a, row.b], differenceCi: d.interval };
        })}
        names={sideNames}
        title={title}
        lead={comparisonText(locale, 'plotLegendLead', { a: sideNames[0], b: sideNames[1] })}
        label={compareText(locale, 'chartLabel', { a: sideNames[0], b: sideNames[1] })}
      />
      <ComparisonTable testId="comparison-table" title={compareText(locale, 'tableTitle')} caption={compareText(locale, 'tableCaption')} columns={shown.columns} names={shown.names} rows={shown.rows} minBase={shown.minBase} />
    </>
  );
}

function Summary({ rows, minBase, a, b }: { rows: { compared: ComparedSides }[]; minBase: number; a: string; b: string }) {
  const locale = useLocale();
  const tested = rows.filter((r) => r.compared.difference);
  const higher = tested.filter((r) => r.compared.difference!.significant && r.compared.difference!.diff > 0).length;
  const lower = tested.filter((r) => r.compared.difference!.significant && r.compared.difference!.diff < 0).length;
  const small = rows.filter((r) => r.compared.smallBase && r.compared.gap !== null).length;
  return (
    <p className="bench-summary" data-testid="comparison-summary">
      {compareText(locale, rows.length === 1 ? 'summaryOne' : 'summary', { n: rows.length, higher, lower, a, b })}
      {small > 0 && <span className="muted"> {compareText(locale, 'summarySmall', { n: small, min: minBase })}</span>}
    </p>
  );
}

/**
 * /compare?dataset=<id>&mode=levels&by=<attribute>&a=<level>&b=<level>[&family=<id>][&minBase=n][&weight=<weight id>]
 * /compare?dataset=<id>&mode=datasets&with=<id>[&family=<id>][&minBase=n]
 * Two groups of one dataset (study P's waves by default), or two datasets, item by item.
 */
export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = await getLocale();
  const lang = locale === 'nl' ? '&lang=nl' : '';
  for (const asked of [firstParam(params.dataset), firstParam(params.with)])
    if (await uploadNeedsSignIn(asked)) return <SignInRequiredPage path="/compare" returnTo={`/compare?dataset=${firstParam(params.dataset) ?? ''}`} title={compareText(locale, 'title')} />;

  const registry = await requestDatasets();
  const listings = await registry.list();
  const { dataset, unknown } = chooseDataset(params, listings);
  let loaded: SurveyData | null = null;
  try {
    if (!unknown) loaded = await registry.load(dataset);
  } catch (e) {
    if (!(e instanceof Error && e.name === 'DatasetLookupError')) throw e;
  }
  const listing = listings.find((d) => d.id === dataset);
  if (unknown || !loaded || !listing)
    return (
      <Shell query="">
        <h1>{compareText(locale, 'title')}</h1>
        <div className="card" role="alert" data-testid="unknown-dataset">
          <p>{compareText(locale, 'unknown', { id: (unknown ?? dataset).slice(0, 80) })}</p>
          <p>
            <Link href={`/compare${locale === 'nl' ? '?lang=nl' : ''}`}>{compareText(locale, 'unknownBack')}</Link> · <Link href={`/datasets${locale === 'nl' ? '?lang=nl' : ''}`}>{compareText(locale, 'toDatasets')}</Link>
          </p>
        </div>
      </Shell>
    );

  const choice = resolveChoice(params, listings, dataset, loaded);
  // The weight the URL asks for (resolveChoice keeps it to the dataset's own; null: its default).
  const data = choice.weight === null ? loaded : selectWeight(loaded, choice.weight);
  const name = nameOf(listing, data);
  const outcome = await compareOutcome(choice, data, listing, listings, (id) => registry.load(id));
  const families = outcome.families;
  choice.family = chosenFamily(choice.family, families);
  // Synthetic reference data are said so whenever the comparison involves them, data shown or not.
  const synthetic = data.codebook.synthetic || (choice.mode === 'datasets' && !!listings.find((d) => d.id === choice.with)?.synthetic);
  const heading =
    outcome.kind === 'levels'
      ? compareText(locale, 'titleLevels', { dataset: name[locale], by: outcome.result.attribute.label[locale], a: outcome.result.a.label[locale], b: outcome.result.b.label[locale] })
      : outcome.kind === 'datasets'
        ? compareText(locale, 'titleDatasets', { a: name[locale], b: outcome.otherName[locale] })
        : compareText(locale, 'title');

  return (
    <Shell query={choiceQuery(choice)}>
      <h1>{heading}</h1>
      <p className="lead">{compareText(locale, 'intro')}</p>
      {synthetic && <SyntheticNotice />}
      <Controls choice={choice} listings={listings} data={data} families={families} />
      <p className="small">
        <Link href={`/benchmark${!listing.reference ? `?dataset=${encodeURIComponent(dataset)}${lang}` : locale === 'nl' ? '?lang=nl' : ''}`}>{compareText(locale, 'toBenchmark')}</Link>
      </p>
      <OutcomeView outcome={outcome} data={data} name={name} dataset={dataset} listings={listings} />
      <footer className="footnote">
        <p>
          <TermText text={compareText(locale, choice.mode === 'levels' ? 'methodsLevels' : 'methodsDatasets')} terms={COMPARISON_TERMS} />
        </p>
        <p data-testid="weight-note">{weightLine(outcome, data, name, locale)}</p>
      </footer>
    </Shell>
  );
}

/** The weight of each dataset compared, by its label (levels: the one dataset's). */
function weightLine(outcome: Outcome, data: SurveyData, name: Label, locale: Locale): string {
  if (outcome.kind !== 'datasets') return `${weightNote(data.weight, locale)}.`;
  return `${name[locale]}: ${weightNote(data.weight, locale)}. ${outcome.otherName[locale]}: ${weightNote(outcome.other.weight, locale)}.`;
}

/** What the page found to show: computed first, rendered after (no markup is made inside a try). */
type Outcome = { families: { id: string; label: Label }[] } & (
  | { kind: 'levels'; result: LevelComparison }
  | { kind: 'datasets'; result: BenchmarkResult; other: SurveyData; otherListing: DatasetListing; otherName: Label; source: PairingSource; filters: [Record<string, string[]>, Record<string, string[]>] }
  | { kind: 'noGroups' }
  | { kind: 'noOther' }
  | { kind: 'problem'; label: Label }
  | { kind: 'nothingShared'; otherListing: DatasetListing; otherName: Label }
);

async function compareOutcome(choice: CompareChoice, data: SurveyData, listing: DatasetListing, listings: DatasetListing[], load: (id: string) => Promise<SurveyData>): Promise<Outcome> {
  if (choice.mode === 'levels') {
    const families = familiesWithItems(data);
    if (!choice.by) return { kind: 'noGroups', families };
    try {
      const result = compareLevels(data, { attribute: choice.by, a: choice.a, b: choice.b, family: chosenFamily(choice.family, families) || undefined, minBase: choice.minBase });
      return { kind: 'levels', result, families };
    } catch (e) {
      if (!(e instanceof LevelComparisonError)) throw e;
      return { kind: 'problem', label: e.label, families };
    }
  }
  const otherListing = listings.find((d) => d.id === choice.with);
  const other = otherListing ? await load(choice.with).catch((e: unknown) => (e instanceof Error && e.name === 'DatasetLookupError' ? null : Promise.reject(e))) : null;
  if (!otherListing || !other) return { kind: 'noOther', families: [] };
  const otherName = nameOf(otherListing, other);
  const { pairs, source } = pairingBetween(data, listing.id, other, choice.with);
  const families = benchmarkOptions(data, other, pairs).sharedFamilies;
  // The reference's latest wave (study P), as on /benchmark and in the explorer.
  const filters: [Record<string, string[]>, Record<string, string[]>] = [datasetCatalog(data.codebook).defaultFilter, datasetCatalog(other.codebook).defaultFilter];
  try {
    const result = benchmark(data, other, { pairs, family: chosenFamily(choice.family, families) || undefined, uploadFilter: filters[0], referenceFilter: filters[1], minBase: choice.minBase });
    return { kind: 'datasets', result, other, otherListing, otherName, source, filters, families };
  } catch (e) {
    if (!(e instanceof BenchmarkError)) throw e;
    return e.code === 'NoSharedItems' ? { kind: 'nothingShared', otherListing, otherName, families } : { kind: 'problem', label: e.label, families };
  }
}

/** Items not compared, with why (collapsed: a reference study has many). */
function LeftOut({ items }: { items: { label: Label; reason: Label }[] }) {
  const locale = useLocale();
  return (
    <section aria-labelledby="cmp-left-out" className="bench-left-out" data-testid="left-out">
      <h2 id="cmp-left-out">{compareText(locale, 'leftOutTitle')}</h2>
      {items.length === 0 ? (
        <p>{compareText(locale, 'leftOutNone')}</p>
      ) : (
        <details>
          <summary>{compareText(locale, 'leftOutItems', { n: items.length })}</summary>
          <ul>
            {items.map((l, i) => (
              <li key={i}>
                {l.label[locale]}: {l.reason[locale]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Problem({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <div className="card" role="alert" data-testid="comparison-problem">
      <h2>{compareText(locale, 'cannot')}</h2>
      {children}
    </div>
  );
}

function OutcomeView({ outcome, data, name, dataset, listings }: { outcome: Outcome; data: SurveyData; name: Label; dataset: string; listings: DatasetListing[] }) {
  const locale = useLocale();
  const lang = locale === 'nl' ? '&lang=nl' : '';
  switch (outcome.kind) {
    case 'noGroups':
      return (
        <Problem>
          <p>{compareText(locale, 'noGroups', { dataset: name[locale] })}</p>
          <p>
            <Link href={`/compare?dataset=${encodeURIComponent(dataset)}&mode=datasets${lang}`}>{compareText(locale, 'toDatasetsMode')}</Link>
          </p>
        </Problem>
      );
    case 'noOther':
      return (
        <Problem>
          <p>{compareText(locale, 'noOther')}</p>
        </Problem>
      );
    case 'problem':
      return (
        <Problem>
          <p>{outcome.label[locale]}</p>
        </Problem>
      );
    case 'nothingShared': {
      // The way forward: map an upload's items to a reference study on /benchmark.
      const self = listings.find((d) => d.id === dataset)!;
      const upload = [self, outcome.otherListing].find((d) => !d.reference);
      const mapTo = [self, outcome.otherListing].find((d) => d.reference) ?? listings.find((d) => d.reference)!;
      return (
        <Problem>
          <p>{compareText(locale, 'nothingShared', { a: name[locale], b: outcome.otherName[locale] })}</p>
          {upload && (
            <p>
              <Link href={`/benchmark?dataset=${encodeURIComponent(upload.id)}&against=${mapTo.id}${lang}#correspondence`} data-testid="map-link">
                {compareText(locale, 'toMapping', { name: upload.title[locale], reference: mapTo.title[locale] })}
              </Link>
            </p>
          )}
        </Problem>
      );
    }
    case 'levels': {
      const { result } = outcome;
      const shown = levelRows(result, locale);
      const [a, b] = [result.a.label[locale], result.b.label[locale]];
      return (
        <>
          {result.levels.length > 2 && <TrendChart comparison={result} />}
          {shown.rows.length ? (
            <Results shown={shown} title={compareText(locale, 'chartTitle', { a, b })} sideNames={[a, b]} summary={<Summary rows={shown.rows} minBase={result.minBase} a={a} b={b} />} />
          ) : (
            <Problem>
              <p>{compareText(locale, 'noneInBoth', { a, b })}</p>
            </Problem>
          )}
          <LeftOut items={result.leftOut} />
        </>
      );
    }
    case 'datasets': {
      const { result, other, otherName, source, filters } = outcome;
      const [a, b] = [name[locale], otherName[locale]];
      const shown = datasetRows(result, [name, otherName], locale);
      const referenceName = (id: string) => listings.find((d) => d.id === id)?.title[locale] ?? '';
      const notes = [filterNote(data, filters[0], a, locale), filterNote(other, filters[1], b, locale), pairingNote(source, [a, b], locale, referenceName)].filter(Boolean);
      return (
        <>
          {notes.map((n) => (
            <p key={n} className="muted small" data-testid="comparison-note">
              {n}
            </p>
          ))}
          <Results shown={shown} title={compareText(locale, 'chartTitle', { a, b })} sideNames={[a, b]} summary={<Summary rows={shown.rows} minBase={result.minBase} a={a} b={b} />} />
          <LeftOut items={result.leftOutItems} />
        </>
      );
    }
  }
}
