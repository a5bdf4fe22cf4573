// Lint rules, including the layer rule of STYLE.md: who may import whom.
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (name) => ({ group: [`**/${name}/**`, `**/${name}`], message: `this layer may not import ${name}/ (see STYLE.md layers)` });
const nodeOnly = { group: ['node:*'], message: 'Node built-ins cannot load here' };
// Bare built-in names are matched exactly (a pattern would also match a project folder named crypto/).
const NODE_BARE = ['fs', 'fs/promises', 'path', 'child_process', 'net', 'http', 'https', 'os', 'crypto', 'url', 'util', 'stream', 'buffer'];
const nativeOnly = { group: ['electron', 'serialport', '@serialport/*', 'node-hid', 'pouchdb-node', 'express-pouchdb', 'ws'], message: 'native or Node-only package: not loadable in this runtime' };
const restrict = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns, paths: patterns.includes(nodeOnly) ? NODE_BARE.map((name) => ({ name, message: nodeOnly.message })) : [] },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'sync-server/design/**/*.js', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['domain/**'], rules: restrict(layer('main'), layer('renderer'), layer('devices'), layer('sync-server'), layer('tests'), layer('bench'), nodeOnly, nativeOnly) },
  { files: ['devices/**'], rules: restrict(layer('main'), layer('renderer'), layer('sync-server'), layer('tests'), layer('bench')) },
  { files: ['main/**'], ignores: ['main/electron/**'], rules: restrict(layer('renderer'), layer('sync-server'), layer('tests'), layer('bench'), { group: ['electron'], message: 'handlers stay free of Electron: only main/electron/ may import it' }) },
  { files: ['main/electron/**'], rules: restrict(layer('renderer'), layer('sync-server'), layer('tests'), layer('bench')) },
  { files: ['renderer/**'], rules: restrict(layer('main'), layer('devices'), layer('sync-server'), layer('tests'), layer('bench'), nodeOnly, nativeOnly) },
  { files: ['sync-server/**'], rules: restrict(layer('main'), layer('renderer'), layer('devices'), layer('tests'), layer('bench')) },
  // Tests run in Node and may start a real server from sync-server/testing; layers otherwise hold.
  { files: ['main/**/*.test.ts'], rules: restrict(layer('renderer'), layer('tests'), layer('bench')) },
  { files: ['renderer/**/*.test.{ts,tsx}'], rules: restrict(layer('main'), layer('devices'), layer('tests'), layer('bench')) },
  // The command line and the launcher are composition roots: they wire every Node-side layer.
  { files: ['cli/**'], rules: restrict(layer('renderer'), layer('tests'), layer('bench')) },
);
