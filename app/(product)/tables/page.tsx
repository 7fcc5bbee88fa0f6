import { useLocale } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { pageTitle } from '@/app/pageTitle';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignInRequiredPage, uploadNeedsSignIn } from '../account/SignInRequired';
import { SiteHeader, SyntheticNotice } from '@/app/components/SiteHeader';
import { BannerTable } from './BannerTable';
import { tablesText } from './messages';
import { TablesControls } from './TablesControls';
import './tables.css';
import { QueryError } from '@/lib/analysis/query';
import { requestDatasets } from '@/app/server/request';
import { firstParam } from '@/lib/http/searchParams';
import type { Label } from '@/lib/survey/codebook';
import type { SurveyData } from '@/lib/survey/dataset';
import { crossTable } from '@/lib/tables/crossTable';
import { type CrossTable, TableError } from '@/lib/tables/model';
import { choiceQuery, choiceSpec, chooseTablesDataset, downloadHref, optionsChanged, resolveTablesChoice, type TablesChoice } from '@/lib/tables/state';
import { filterText, footnoteLines, weightText } from '@/lib/tables/text';
import { TermText } from '@/app/components/help/TermText';

export const generateMetadata = pageTitle('tables');

type SearchParams = Record<string, string | string[] | undefined>;

function Shell({ query, children }: { query: string; children: ReactNode }) {
  const locale = useLocale();
  return (
    <>
      <SiteHeader path="/tables" query={query} />
      <main id="main" tabIndex={-1} lang={locale} className="page tables-page">
        {children}
      </main>
    </>
  );
}

/** What the page found to show: computed first, rendered after (no markup is made inside a try). */
type Outcome = { kind: 'table'; table: CrossTable } | { kind: 'problem'; label: Label } | { kind: 'noItems' };

function tabulate(data: SurveyData, choice: TablesChoice): Outcome {
  if (data.codebook.items.length === 0) return { kind: 'noItems' };
  try {
    return { kind: 'table', table: crossTable(data, choiceSpec(choice)) };
  } catch (e) {
    if (e instanceof TableError) return { kind: 'problem', label: e.label };
    if (e instanceof QueryError) return { kind: 'problem', label: { en: e.message, nl: e.message } };
    throw e;
  }
}

function Downloads({ choice }: { choice: TablesChoice }) {
  const locale = useLocale();
  const links: [string, string, string][] = [
    ['download-xlsx', downloadHref(choice, 'xlsx', locale), tablesText(locale, 'downloadXlsx')],
    ['download-book', downloadHref(choice, 'xlsx', locale, true), tablesText(locale, 'downloadBook')],
    ['download-csv', downloadHref(choice, 'csv', locale), tablesText(locale, 'downloadCsv')],
    ['download-pptx', downloadHref(choice, 'pptx', locale), tablesText(locale, 'downloadPptx')],
  ];
  return (
    <nav className="tables-downloads" aria-label={tablesText(locale, 'downloads')}>
      <h2>{tablesText(locale, 'downloads')}</h2>
      <ul>
        {links.map(([id, href, label]) => (
          <li key={id}>
            <a href={href} data-testid={id} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * /tables?dataset=<id>&rows=family:<id>|items|answers:<item>&banner=<attr>|<outer>><inner>...
 *   [&filter=<attr>:<code>...][&weight=<weight id>][&minBase=n][&alpha=0.05,0.01][&correction=none][&small=suppress]
 * A banner table of any dataset with column letters; the state is lib/tables/state.ts.
 */
export default async function TablesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = await getLocale();
  if (await uploadNeedsSignIn(firstParam(params.dataset)))
    return <SignInRequiredPage path="/tables" returnTo={`/tables?dataset=${firstParam(params.dataset) ?? ''}`} title={tablesText(locale, 'title')} />;

  const registry = await requestDatasets();
  const listings = await registry.list();
  const { dataset, unknown } = chooseTablesDataset(params, listings);
  let data: SurveyData | null = null;
  try {
    if (!unknown) data = await registry.load(dataset);
  } catch (e) {
    if (!(e instanceof Error && e.name === 'DatasetLookupError')) throw e;
  }
  const listing = listings.find((d) => d.id === dataset);
  if (unknown || !data || !listing)
    return (
      <Shell query="">
        <h1>{tablesText(locale, 'title')}</h1>
        <div className="card" role="alert" data-testid="unknown-dataset">
          <p>{tablesText(locale, 'unknown', { id: (unknown ?? dataset).slice(0, 80) })}</p>
          <p>
            <Link href={`/tables${locale === 'nl' ? '?lang=nl' : ''}`}>{tablesText(locale, 'unknownBack')}</Link> · <Link href={`/datasets${locale === 'nl' ? '?lang=nl' : ''}`}>{tablesText(locale, 'toDatasets')}</Link>
          </p>
        </div>
      </Shell>
    );

  const choice = resolveTablesChoice(params, dataset, data);
  const query = choiceQuery(choice);
  const outcome = tabulate(data, choice);
  const name = listing.title;
  return (
    <Shell query={query}>
      <h1>{tablesText(locale, 'title')}</h1>
      <p className="lead">{tablesText(locale, 'intro')}</p>
      {data.codebook.synthetic && <SyntheticNotice />}
      <TablesControls key={query} choice={choice} listings={listings} data={data} optionsChanged={optionsChanged(choice, data)} />
      {outcome.kind === 'noItems' && (
        <div className="card" role="alert" data-testid="tables-problem">
          <p>{tablesText(locale, 'noItems')}</p>
        </div>
      )}
      {outcome.kind === 'problem' && (
        <div className="card" role="alert" data-testid="tables-problem">
          <h2>{tablesText(locale, 'cannot')}</h2>
          <p>{outcome.label[locale]}</p>
        </div>
      )}
      {outcome.kind === 'table' && <TableSection table={outcome.table} choice={choice} name={name} data={data} />}
    </Shell>
  );
}

function TableSection({ table, choice, name, data }: { table: CrossTable; choice: TablesChoice; name: Label; data: SurveyData }) {
  const locale = useLocale();
  const banner = table.groups.length ? table.groups.map((g) => g.attributes.map((a) => a.label[locale]).join(' × ')).join(', ') : tablesText(locale, 'totalOnly');
  return (
    <section className="tables-result">
      <h2 id="table-title">{table.rowsLabel[locale]}</h2>
      <p className="muted small" data-testid="table-context">
        {[name[locale], filterText(table, locale).replace(/\.$/, ''), weightText(table.weighting, locale)].join(' · ')}
      </p>
      {table.groups.length === 0 && <p className="small">{data.attributes.size ? tablesText(locale, 'noBanner') : tablesText(locale, 'noAttributes')}</p>}
      <p id="table-caption" className="visually-hidden">
        {tablesText(locale, 'caption', { rows: table.rowsLabel[locale], banner })}
      </p>
      <div className="tables-scroll" role="region" aria-labelledby="table-title" tabIndex={0} data-testid="table-scroll">
        <BannerTable table={table} captionId="table-caption" />
      </div>
      <p className="muted small tables-scroll-hint">{tablesText(locale, 'scrollHint')}</p>
      <footer className="footnote" data-testid="table-footnote">
        {footnoteLines(table, locale).map((line) => (
          <p key={line}>
            <TermText text={line} terms={['effective-base', 't-test', 'benjamini-hochberg', 'column-letters', 'p-value', 'minimum-base', 'weight']} />
          </p>
        ))}
      </footer>
      <Downloads choice={choice} />
    </section>
  );
}
