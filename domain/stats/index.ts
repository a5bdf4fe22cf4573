// Public surface of the dashboard statistics.
export * from './dashboard';
export * from './counted';
export { appliedSteps } from './replay';
export { caseFacts, TIMED_STAGES, type CaseFacts, type TimedStage } from './stages';
export { isoWeek, localDates, weekStart, workingDays, type WorkingDays } from './days';
export * from './rollup';
export * from './office-tally';
