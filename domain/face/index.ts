export * from './face';
export * from './match';
export * from './detect';
