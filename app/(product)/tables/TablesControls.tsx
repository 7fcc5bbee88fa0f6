import { useLocale } from 'next-intl';
import Form from 'next/form';
import type { ReactNode } from 'react';
import { formatNumber } from '@/lib/i18n/numbers';
import type { DatasetListing } from '@/lib/storage/datasetRegistry';
import type { SurveyData } from '@/lib/survey/dataset';
import { ALPHA_OPTIONS, MIN_BASE_OPTIONS, type TablesChoice } from '@/lib/tables/state';
import { defaultWeightId, weightOptions } from '@/lib/survey/weights';
import { showWeightField, weightFieldOptions } from '@/app/components/weightChoice';
import { tablesText } from './messages';

/**
 * The form of /tables: a plain GET form (it works without JavaScript and from the keyboard), whose
 * fields are the URL's parameters (lib/tables/state.ts). One button applies every change. The
 * respondents, weight and letters options fold away (a phone then reaches the table sooner), open
 * whenever one of them differs from its default.
 */
export function TablesControls({ choice, listings, data, optionsChanged }: { choice: TablesChoice; listings: DatasetListing[]; data: SurveyData; optionsChanged: boolean }) {
  const locale = useLocale();
  const { codebook } = data;
  const attributes = [...data.attributes.values()];
  const select = (id: string, name: string, label: string, value: string, options: { value: string; label: string }[] | ReactNode) => (
    <div className="field">
      <label htmlFor={`tbl-${id}`}>{label}</label>
      <select id={`tbl-${id}`} name={name} defaultValue={value}>
        {Array.isArray(options)
          ? options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))
          : options}
      </select>
    </div>
  );
  const rowsValue = choice.rows.kind === 'family' ? `family:${choice.rows.family}` : choice.rows.kind === 'answers' ? `answers:${choice.rows.item}` : 'items';
  const chosenItems = choice.rows.kind === 'items' ? choice.rows.items : [];
  const families = codebook.families.map((f) => ({ family: f, items: codebook.items.filter((it) => it.family === f.id) })).filter((f) => f.items.length);
  const single = new Set(choice.banner.filter((g) => g.length === 1).map((g) => g[0]));
  const nestedGroups = choice.banner.filter((g) => g.length === 2);
  const [nest] = nestedGroups;
  const attributeOptions = attributes.map((a) => ({ value: a.id, label: a.label[locale] }));
  const level = (alpha: number) => formatNumber(alpha, locale, 2);
  const minBases = [...new Set([...MIN_BASE_OPTIONS, choice.minBase])].sort((x, y) => x - y);
  const weights = weightOptions(codebook);

  return (
    <Form action="/tables" className="tables-controls" aria-label={tablesText(locale, 'controls')}>
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      <input type="hidden" name="from" value={choice.dataset} />
      {/* Always sent: "no banner ticked" and "everyone" differ from "the defaults". */}
      <input type="hidden" name="banner" value="" />
      <input type="hidden" name="filter" value="" />
      <div className="tables-fields">
        {select(
          'dataset',
          'dataset',
          tablesText(locale, 'dataset'),
          choice.dataset,
          listings.map((d) => ({ value: d.id, label: d.reference ? d.title[locale] : tablesText(locale, 'uploadedMark', { name: d.title[locale] }) })),
        )}
        {select(
          'rows',
          'rows',
          tablesText(locale, 'rows'),
          rowsValue,
          <>
            <optgroup label={tablesText(locale, 'rowsFamilies')}>
              {families.map(({ family, items }) => (
                <option key={family.id} value={`family:${family.id}`}>
                  {tablesText(locale, 'rowsFamily', { label: family.label[locale], n: items.length })}
                </option>
              ))}
            </optgroup>
            <option value="items">{tablesText(locale, 'rowsItems')}</option>
            <optgroup label={tablesText(locale, 'rowsAnswersGroup')}>
              {codebook.items.map((item) => (
                <option key={item.id} value={`answers:${item.id}`}>
                  {tablesText(locale, 'rowsAnswers', { label: item.label[locale] })}
                </option>
              ))}
            </optgroup>
          </>,
        )}
      </div>
      <details className="tables-items" open={choice.rows.kind === 'items'}>
        <summary>{tablesText(locale, 'chooseItems', { n: chosenItems.length })}</summary>
        <p className="muted small">{tablesText(locale, 'chooseItemsHint')}</p>
        {families.map(({ family, items }) => (
          <fieldset key={family.id} className="checks">
            <legend>{family.label[locale]}</legend>
            {items.map((item) => (
              <label key={item.id}>
                <input type="checkbox" name="items" value={item.id} defaultChecked={chosenItems.includes(item.id)} /> {item.label[locale]}
              </label>
            ))}
          </fieldset>
        ))}
      </details>
      <fieldset className="checks tables-banner">
        <legend>{tablesText(locale, 'bannerLegend')}</legend>
        <p className="muted small">{attributes.length ? tablesText(locale, 'bannerHint') : tablesText(locale, 'noAttributes')}</p>
        {attributes.map((a) => (
          <label key={a.id}>
            <input type="checkbox" name="banner" value={a.id} defaultChecked={single.has(a.id)} /> {a.label[locale]}
          </label>
        ))}
        {nestedGroups.slice(1).map((g) => (
          <input key={g.join('>')} type="hidden" name="banner" value={g.join('>')} />
        ))}
        {attributes.length >= 2 && (
          <div className="nest">
            {select('nest-outer', 'nestOuter', tablesText(locale, 'nestOuter'), nest?.[0] ?? '', [{ value: '', label: tablesText(locale, 'nestNone') }, ...attributeOptions])}
            {select('nest-inner', 'nestInner', tablesText(locale, 'nestInner'), nest?.[1] ?? '', [{ value: '', label: tablesText(locale, 'nestNone') }, ...attributeOptions])}
          </div>
        )}
      </fieldset>
      <details className="tables-more" open={optionsChanged}>
        <summary>{tablesText(locale, 'moreOptions')}</summary>
        <fieldset className="tables-fields">
          <legend>{tablesText(locale, 'respondentsLegend')}</legend>
          {attributes.map((a) =>
            select(`filter-${a.id}`, 'filter', a.label[locale], choice.filter[a.id]?.length ? `${a.id}:${choice.filter[a.id][0]}` : '', [
              { value: '', label: tablesText(locale, 'everyone') },
              ...a.levels.map((l) => ({ value: `${a.id}:${l.code}`, label: l.label[locale] })),
            ]),
          )}
          {showWeightField(weights) && select('weight', 'weight', tablesText(locale, 'weight'), choice.weight ?? defaultWeightId(codebook), weightFieldOptions(weights, locale))}
        </fieldset>
        <fieldset className="tables-fields">
          <legend>{tablesText(locale, 'testsLegend')}</legend>
          {select(
            'alpha',
            'alpha',
            tablesText(locale, 'alpha'),
            choice.alpha.join(','),
            ALPHA_OPTIONS.map((o) => ({ value: o.join(','), label: o.length === 2 ? tablesText(locale, 'alphaTwo', { strict: level(o[1]), loose: level(o[0]) }) : tablesText(locale, 'alphaOne', { strict: level(o[0]) }) })),
          )}
          {select('correction', 'correction', tablesText(locale, 'correction'), choice.correction, [
            { value: 'bh', label: tablesText(locale, 'correctionBh') },
            { value: 'none', label: tablesText(locale, 'correctionNone') },
          ])}
          {select(
            'min-base',
            'minBase',
            tablesText(locale, 'minBase'),
            String(choice.minBase),
            minBases.map((n) => ({ value: String(n), label: tablesText(locale, 'minBaseOption', { n: formatNumber(n, locale) }) })),
          )}
          {select('small', 'small', tablesText(locale, 'small'), choice.small, [
            { value: 'warn', label: tablesText(locale, 'smallWarn') },
            { value: 'suppress', label: tablesText(locale, 'smallSuppress') },
          ])}
        </fieldset>
      </details>
      <p>
        <button type="submit" className="button">
          {tablesText(locale, 'apply')}
        </button>
      </p>
    </Form>
  );
}
