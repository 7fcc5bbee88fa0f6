'use client';
import { createContext, useContext } from 'react';

/**
 * The lines every exported chart image carries below its own footnote: dataset, synthetic or not,
 * weighting, and the audience (base and filters). Provided by the results around the charts.
 */
export const ChartMethodsContext = createContext<string[]>([]);

export const useChartMethods = (): string[] => useContext(ChartMethodsContext);

/**
 * The weight the figures use, in words (lib/survey/weights.ts weightNote): the last line of every
 * chart's footnote, and a column of every CSV the explorer writes.
 */
export const WeightNoteContext = createContext<string>('');

export const useWeightNote = (): string => useContext(WeightNoteContext);
