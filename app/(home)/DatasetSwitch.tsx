import type { DatasetListing } from '@/lib/storage/datasetRegistry';
import { st } from '@/lib/summary/text';
import type { Locale } from '@/lib/survey/codebook';

/** The dataset to summarise: a plain GET form, so it works without JavaScript and keeps the language. */
export function DatasetSwitch({ datasets, current, locale }: { datasets: DatasetListing[]; current: string; locale: Locale }) {
  const references = datasets.filter((d) => d.reference);
  const uploads = datasets.filter((d) => !d.reference);
  return (
    <form method="get" action="/" className="dataset-switch">
      <label htmlFor="summary-dataset">{st(locale, 'datasetLabel')}</label>
      <select id="summary-dataset" name="dataset" defaultValue={current}>
        <optgroup label={st(locale, 'referenceGroup')}>
          {references.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title[locale]}
            </option>
          ))}
        </optgroup>
        {uploads.length > 0 && (
          <optgroup label={st(locale, 'uploadsGroup')}>
            {uploads.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      <button type="submit" className="button button-secondary">
        {st(locale, 'show')}
      </button>
    </form>
  );
}
