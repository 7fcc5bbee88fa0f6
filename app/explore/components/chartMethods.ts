'use client';
import { createContext, useContext } from 'react';

/**
 * The lines every exported chart image carries below its own footnote: dataset, synthetic or not,
 * weighting, and the audience (base and filters). Provided by the results around the charts.
 */
export const ChartMethodsContext = createContext<string[]>([]);

export const useChartMethods = (): string[] => useContext(ChartMethodsContext);
