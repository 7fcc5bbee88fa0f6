import type { Tone } from '@/lib/summary/model';

/** The summary charts' colours and sizes, shared by the box (SummaryBars) and the drawing (SummaryBarsDrawing). */
export const TONE_FILL: Record<Tone, string> = { focus: '#1d5fb8', base: '#8d9bb0', ok: '#2e8540', nogo: '#b42318' };
/** A figure under the minimum base: greyed, with the reason written beside it, and no interval. */
export const SMALL_FILL = '#d3d7dd';
export const ROW = 34;
export const BAR = 12;
/** Room for the value right of the bars; more when a figure says it has a small base. */
export const VALUE_ROOM = 60;
export const VALUE_ROOM_SMALL = 140;
