/**
 * The width of the explorer's chart column, shared by its charts: a laptop's (880 px) until a chart
 * has been measured in the browser, then the measured one (so a chart drawn later starts at the
 * right size).
 */
export const chartColumn = { width: 880 };
