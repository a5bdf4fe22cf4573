// Lint rules, including the layer rule of STYLE.md: who may import whom (build/eslint-layers.js),
// and which runtimes may load Node built-ins and native packages.
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersRule } from './build/eslint-layers.js';

const NODE_BARE = ['fs', 'fs/promises', 'path', 'child_process', 'net', 'http', 'https', 'os', 'crypto', 'url', 'util', 'stream', 'buffer'];
const nodeOnly = 'Node built-ins cannot load in this runtime (browser and Electron renderer)';
const nativeOnly = { group: ['electron', 'serialport', '@serialport/*', 'node-hid', 'pouchdb-node', 'express-pouchdb', 'ws'], message: 'native or Node-only package: not loadable in this runtime' };
const browserSafe = {
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: ['node:*'], message: nodeOnly }, nativeOnly], paths: NODE_BARE.map((name) => ({ name, message: nodeOnly })) },
  ],
};
const noElectron = { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'handlers stay free of Electron: only main/electron/ may import it' }] }] };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'sync-server/design/**/*.js', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { hws: { rules: { layers: layersRule } } },
    rules: {
      'hws/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // domain/ runs anywhere; the renderer runs in a browser sandbox (its Node-run tests excepted).
  { files: ['domain/**'], ignores: ['**/*.test.ts'], rules: browserSafe },
  { files: ['renderer/**'], ignores: ['**/*.test.{ts,tsx}'], rules: browserSafe },
  { files: ['main/**'], ignores: ['main/electron/**'], rules: noElectron },
);
