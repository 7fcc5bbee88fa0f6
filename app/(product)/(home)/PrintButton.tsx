'use client';

/** Opens the browser's print dialog: the print stylesheet turns the summary into one clean A4 page. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button-secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
