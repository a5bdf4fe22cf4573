// The real design files, compiled as CouchDB compiles them: the shared shape check is inlined and
// behaves as the workstation's copy does.
import { describe, expect, it } from 'vitest';
import { checkShape } from '../../domain/sync/shape';
import { compileDesignFunction, loadDesignDoc } from './load';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;
const sec = { members: { roles: ['office:a', 'district:d'] } };
const doc = { type: 'case', schemaVersion: 1, officeId: 'a' };

describe('office validate_doc_update', () => {
  it('inlines the shared shape check and permission tables', async () => {
    const ddoc = await loadDesignDoc('office');
    const source = String(ddoc.validate_doc_update);
    expect(source).not.toContain('@inline');
    const validate = compileDesignFunction<Validate>(source);
    const run = (d: unknown, old: unknown, roles: string[]) => {
      try {
        validate(d, old, { name: 'u', roles }, sec);
        return 'ok';
      } catch (e) {
        return (e as { forbidden: string }).forbidden;
      }
    };
    expect(run({ ...doc, type: '' }, null, ['_admin'])).toBe(checkShape({ ...doc, type: '' }));
    expect(run(doc, null, ['office:a', 'clerk'])).toBe('ok');
    expect(run(doc, null, ['district:d', 'district_reviewer'])).toBe('ok');
    expect(run({ ...doc, officeId: 'b' }, null, ['district:d', 'district_reviewer'])).toContain('其他办事处');
    expect(run(doc, null, ['office:a', 'inspector'])).toContain('无权写入');
  });

  it('the shape check refuses what the server refuses, in the same words', () => {
    expect(checkShape(doc)).toBeNull();
    expect(checkShape({ ...doc, schemaVersion: '1' })).toContain('schemaVersion');
    expect(checkShape({ ...doc, type: 'case_event' })).toContain('caseId');
    expect(checkShape({ _deleted: true })).toBeNull();
  });
});
