// Public surface of the case workflow.
export * from './events';
export * from './state';
export * from './transitions';
export * from './check';
export * from './derive';
export * from './decide';
export { localDate } from './payloads';
export * from './projection';
export * from './workspaces';
export * from './reasons';
export * from './conflicts';
export * from './hand-back';
export * from './correction';
export * from './allocation';
