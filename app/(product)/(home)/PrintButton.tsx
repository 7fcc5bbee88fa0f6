'use client';
import { drawEveryChart } from '@/app/components/charts/ChartBox';

/**
 * Opens the browser's print dialog: the print stylesheet turns the summary into one clean A4 page.
 * The charts not yet scrolled to are drawn first (their code is loaded when needed: ChartBox).
 */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button-secondary" onClick={() => void drawEveryChart().then(() => window.print())}>
      {label}
    </button>
  );
}
