// Public surface of the demo-data generator.
export * from './prng';
export * from './places';
export * from './persons';
export * from './households';
export * from './cases';
export * from './seal';
export * from './reference';
export * from './tenancies';
