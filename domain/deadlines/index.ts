// Public surface of the deadline rules (办理时限).
export * from './calendar';
export * from './case-deadline';
export * from './cn-holidays';
export * from './calendar-docs';
