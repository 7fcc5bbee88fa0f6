import { DEFAULT_CHART_WIDTH } from '@/lib/explore/barLayout';

/**
 * The width of the explorer's chart column, shared by its charts: a laptop's until a chart has been
 * measured in the browser, then the measured one (so a chart drawn later starts at the right size).
 */
export const chartColumn = { width: DEFAULT_CHART_WIDTH };
