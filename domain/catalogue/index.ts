// The catalogue of business items: the shipped one, its checks and the engine's reading of it.
// (The renderer imports ./shipped and ./engine directly: ./schema brings zod, which it does not bundle.)
export { CATALOGUE } from './shipped';
export * from './check';
export * from './engine';
export * from './schema';
export * from './types';
export { CONDITIONS, DOCUMENT_KINDS, FORM_FIELDS } from './vocabulary';
