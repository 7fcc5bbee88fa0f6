/** The statistics layer: weighted shares, their standard errors, intervals and tests, checked against R's `survey` package. */
export { addObservation, emptySums, subtractSums, sumsOf, type CellSums } from './cellSums';
export { weightedProportion } from './weightedProportion';
export { kishEffectiveBase } from './kishEffectiveBase';
export { proportionStandardError, proportionVariance } from './proportionStandardError';
export { clusterVariance } from './clusterVariance';
export { wilsonInterval, type Interval } from './wilsonInterval';
export { logitInterval } from './logitInterval';
export { differenceTest, type DifferenceTest } from './shareDifference';
export { groupVsRest } from './groupVsRest';
export { benjaminiHochberg } from './benjaminiHochberg';
