// Public surface of the audit chain.
export * from './sha256';
export * from './canonical-json';
export * from './chain';
export * from './signed-records';
export * from './anchor';
