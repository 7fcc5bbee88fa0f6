'use client';
import { useLocale, useTranslations } from 'next-intl';
import { csvFileName, csvOptionsFor, toCsv, type CsvValue } from '@/lib/csv/writer';

import { useWeightNote } from './chartMethods';

/** Downloads a data table as CSV, built in the browser (no request), with the weight used in a column of its own. */
export function CsvDownload({ header, rows, title, fileParts }: { header: string[]; rows: CsvValue[][]; title: string; fileParts: string[] }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  // Every row names the weight its figures use, so that a table lifted out of the file still says it.
  const weight = useWeightNote();
  const download = () => {
    const csv = weight ? toCsv([...header, t('weightColumn')], rows.map((row) => [...row, weight]), csvOptionsFor(locale)) : toCsv(header, rows, csvOptionsFor(locale));
    const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = csvFileName(...fileParts);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" className="button-secondary csv-button" onClick={download} aria-label={t('downloadCsvOf', { title })}>
      <span aria-hidden="true">⤓ </span>
      {t('downloadCsv')}
    </button>
  );
}
