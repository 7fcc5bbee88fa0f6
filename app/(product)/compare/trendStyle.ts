/** The trend's small multiples: sizes shared by the box (TrendChart) and the drawing (TrendDrawing). */

/** A small multiple's height (fixed, so the box in the server's HTML is the drawn chart's); its width is the column's. */
export const H = 130;
export const MARGIN = { left: 0, right: 12, top: 8, bottom: 4 };
export const Y_WIDTH = 36;
export const GRID = [0, 0.5, 1];

export interface TrendDatum {
  code: string;
  label: string;
  role: 'is-a' | 'is-b' | 'is-other' | 'is-small';
  share: number | null;
  error?: [number, number];
  title: string;
}

