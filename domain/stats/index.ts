// Public surface of the dashboard statistics.
export * from './dashboard';
export { appliedSteps } from './replay';
export { TIMED_STAGES, type TimedStage } from './stages';
export { isoWeek, weekStart, workingDays, type WorkingDays } from './days';
