export * from './face';
export * from './match';
