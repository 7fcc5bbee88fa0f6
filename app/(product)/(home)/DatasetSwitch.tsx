import { useLocale, useTranslations } from 'next-intl';
import type { DatasetListing } from '@/lib/storage/datasetRegistry';
import type { WeightOption } from '@/lib/survey/weights';

/**
 * The dataset to summarise and the weight to use (the shown dataset's weights; another dataset opens
 * with its default): a plain GET form, so it works without JavaScript (its Show button is shown
 * only then) and keeps the language. With JavaScript a choice applies at once (SummaryLive).
 */
export function DatasetSwitch({ datasets, current, weights, weight }: { datasets: DatasetListing[]; current: string; weights: WeightOption[]; weight: string | undefined }) {
  const locale = useLocale();
  const t = useTranslations('summary');
  const references = datasets.filter((d) => d.reference);
  const uploads = datasets.filter((d) => !d.reference);
  return (
    <form method="get" action="/" className="dataset-switch">
      <label htmlFor="summary-dataset">{t('datasetLabel')}</label>
      <select id="summary-dataset" name="dataset" defaultValue={current}>
        <optgroup label={t('referenceGroup')}>
          {references.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title[locale]}
            </option>
          ))}
        </optgroup>
        {uploads.length > 0 && (
          <optgroup label={t('uploadsGroup')}>
            {uploads.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {weights.length > 1 && (
        <>
          <label htmlFor="summary-weight">{t('weightLabel')}</label>
          <select id="summary-weight" name="weight" defaultValue={weight}>
            {weights.map((w) => (
              <option key={w.id} value={w.id}>
                {w.isDefault ? t('weightDefault', { name: w.label[locale] }) : w.label[locale]}
              </option>
            ))}
          </select>
        </>
      )}
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      <noscript>
        <button type="submit" className="button button-secondary">
          {t('show')}
        </button>
      </noscript>
    </form>
  );
}
