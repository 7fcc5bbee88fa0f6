'use client';
import type { Locale } from '@/lib/survey/codebook';
import { csvFileName, csvOptionsFor, toCsv, type CsvValue } from '@/lib/csv/writer';
import { tx } from '../messages';

/** Downloads a data table as CSV, built in the browser (no request). */
export function CsvDownload({ header, rows, locale, title, fileParts }: { header: string[]; rows: CsvValue[][]; locale: Locale; title: string; fileParts: string[] }) {
  const download = () => {
    const blob = new Blob([toCsv(header, rows, csvOptionsFor(locale))], { type: 'text/csv;charset=utf-8' });
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
    <button type="button" className="button-secondary csv-button" onClick={download} aria-label={tx(locale, 'downloadCsvOf', { title })}>
      <span aria-hidden="true">⤓ </span>
      {tx(locale, 'downloadCsv')}
    </button>
  );
}
