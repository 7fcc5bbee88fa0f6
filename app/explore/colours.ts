import type { Tier } from '@/lib/explore/model';

/** Chart colours: tiers (green / amber / red, each with enough contrast on white) and series. */
export const TIER_COLOUR: Record<Tier, string> = { ok: '#1e7b3c', grey: '#b86e00', nogo: '#b3261e' };
export const SERIES_COLOURS = ['#1d5fb8', '#d0731c', '#2a8c6e', '#8e44ad', '#b03a48', '#5a6472', '#0f7c99', '#7a5c00'];
export const SINGLE_COLOUR = '#1d5fb8';
export const SMALL_FILL = 'url(#explore-hatch)';
export const SMALL_COLOUR = '#9aa3ad';
export const INK = '#1c2430';
export const MUTED = '#5a6472';

export const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length];
