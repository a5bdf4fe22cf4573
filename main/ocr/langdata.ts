// Language data for tesseract: the two gzipped LSTM models copied from their npm packages into a
// cache folder (tesseract.js reads a folder path; passing the data in memory is broken in 7.0).
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const LANGUAGES = ['chi_sim', 'eng'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The small integer LSTM models ("best_int"): accurate enough and quick to load. */
export const MODEL_VARIANT = '4.0.0_best_int';
export type ModelVariant = '4.0.0_best_int' | '4.0.0';

/** Where a language's .traineddata.gz ships inside node_modules. */
export function packagedModel(lang: (typeof LANGUAGES)[number], variant: ModelVariant = MODEL_VARIANT): string {
  const root = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  return join(root, variant, `${lang}.traineddata.gz`);
}

export const defaultLangDir = (variant: ModelVariant = MODEL_VARIANT): string => join(process.env.HWS_CACHE_DIR ?? join(tmpdir(), 'hws-cache'), 'tessdata', variant);

/** Copies any missing or changed model into `dir` and returns it. */
export function prepareLangDir(dir?: string, variant: ModelVariant = MODEL_VARIANT): string {
  dir ??= defaultLangDir(variant);
  mkdirSync(dir, { recursive: true });
  for (const lang of LANGUAGES) {
    const from = packagedModel(lang, variant);
    const to = join(dir, `${lang}.traineddata.gz`);
    if (!existsSync(to) || statSync(to).size !== statSync(from).size) copyFileSync(from, to);
  }
  return dir;
}
