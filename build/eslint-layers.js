// ESLint rule: who may import whom (STYLE.md layers). Relative imports are resolved against the
// importing file, so the rule sees the real top-level folder, not a name that merely looks alike.
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Top-level folder → folders it may import from. */
export const LAYERS = {
  domain: ['domain'],
  devices: ['domain', 'devices'],
  main: ['domain', 'devices', 'main'],
  renderer: ['domain', 'renderer'],
  'sync-server': ['domain', 'sync-server'],
  cli: ['domain', 'devices', 'main', 'sync-server', 'cli'],
};

/** Test files run in Node and may start a real server from sync-server/ (testing helpers). */
const TEST_EXTRA = { main: ['sync-server'], renderer: ['sync-server'] };

const topOf = (file) => path.relative(ROOT, file).split(path.sep)[0];

export const layersRule = {
  meta: { type: 'problem', schema: [], messages: { layer: '{{from}}/ may not import {{to}}/ (STYLE.md layers)' } },
  create(context) {
    const file = context.filename;
    const from = topOf(file);
    const allowed = LAYERS[from];
    if (!allowed) return {};
    const isTest = /\.test\.tsx?$/.test(file);
    const may = new Set([...allowed, ...(isTest ? (TEST_EXTRA[from] ?? []) : [])]);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = topOf(path.resolve(path.dirname(file), spec));
      if (to in LAYERS || ['tests', 'bench', 'build'].includes(to)) {
        if (!may.has(to)) context.report({ node, messageId: 'layer', data: { from, to } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
