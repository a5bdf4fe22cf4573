// Public surface of the document model.
export * from './common';
export * from './programmes';
export * from './status';
export * from './case';
export * from './events';
export * from './people';
export * from './files';
export * from './field';
export * from './reference';
export * from './staff';
export * from './audit';
export * from './collections';
