import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const problems = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath })).flatMap((r) => r.messages.map((m) => m.message));

describe('layer rule', () => {
  it('refuses an import across layers', async () => {
    expect(await problems('domain/x.ts', "import { a } from '../main/context';\nexport const b = a;\n")).toContain('domain/ may not import main/ (STYLE.md layers)');
    expect(await problems('renderer/app/x.ts', "import { a } from '../../devices/manager';\nexport const b = a;\n")).toContain(
      'renderer/ may not import devices/ (STYLE.md layers)',
    );
  });

  it('allows imports the layers permit, including a domain file whose name looks like a layer', async () => {
    expect(await problems('domain/ipc/x.ts', "import type { IdCard } from '../devices';\nexport type B = IdCard;\n")).toEqual([]);
    expect(await problems('main/x.ts', "import { a } from '../devices/manager';\nexport const b = a;\n")).toEqual([]);
  });

  it('keeps Node built-ins out of the renderer and Electron out of the handlers', async () => {
    expect((await problems('renderer/x.ts', "import fs from 'node:fs';\nexport const b = fs;\n")).join()).toContain('Node built-ins cannot load');
    expect((await problems('main/handlers/x.ts', "import { app } from 'electron';\nexport const b = app;\n")).join()).toContain('only main/electron/');
  });
});
