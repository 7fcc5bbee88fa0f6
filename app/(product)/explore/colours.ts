import { INK } from '@/app/components/charts/chartAxes';
import type { Tier } from '@/lib/analysis/tiers';

/** Chart colours: tiers (green / amber / red, each with enough contrast on white) and series. */
export const TIER_COLOUR: Record<Tier, string> = { ok: '#1e7b3c', grey: '#b86e00', nogo: '#b3261e' };
export const SERIES_COLOURS = ['#1d5fb8', '#d0731c', '#2a8c6e', '#8e44ad', '#b03a48', '#5a6472', '#0f7c99', '#7a5c00'];
export const SINGLE_COLOUR = '#1d5fb8';
export const SMALL_FILL = 'url(#explore-hatch)';
export const SMALL_COLOUR = '#9aa3ad';
export { INK, MUTED } from '@/app/components/charts/chartAxes';

export const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length];

/** Mixes two #rrggbb colours: t = 0 gives `a`, 1 gives `b`. */
function mix(a: string, b: string, t: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2].map((i) => Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * t).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The colour of an answer in a stacked bar: positive answers green (the strongest darkest),
 * neutral ones grey, negative ones red (the strongest darkest); `ink` is the colour of a share
 * written on it, white on the dark ones.
 */
export function answerColour(tone: 'positive' | 'middle' | 'negative', strength: number): { fill: string; ink: string } {
  if (tone === 'middle') return { fill: '#c9ccd1', ink: INK };
  const [light, dark] = tone === 'positive' ? ['#9fd0ad', TIER_COLOUR.ok] : ['#eeb1aa', TIER_COLOUR.nogo];
  return { fill: mix(light, dark, strength), ink: strength >= 0.7 ? '#fff' : INK };
}
