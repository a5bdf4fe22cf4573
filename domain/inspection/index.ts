// Field inspections: plans and their sample, visits and what follows from them (pure).
export * from './nspire';
export * from './plan';
export * from './visit';
export * from './stats';
export * from './documents';
