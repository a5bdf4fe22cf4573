// What a workstation makes of the server's answers at sign-in: malformed or contradictory profile
// documents are refused with a reason a person can act on, never half-used.
import { describe, expect, it } from 'vitest';
import { readAccount } from './account';

const key = (n: number) => btoa(String.fromCharCode(...new Uint8Array(32).fill(n)));
const profile = { _id: 'profile', type: 'user_profile', schemaVersion: 1, name: 'c1', displayName: '张敏', officeId: 'a', officeName: '甲街道', districtId: 'd', keys: { lookup: key(1), offices: { a: key(2) } } };
const session = (roles: string[], name = 'c1') => ({ ok: true, userCtx: { name, roles } });

function server(answers: Record<string, [number, unknown]>) {
  return async (url: string) => {
    const path = new URL(url).pathname;
    const a = answers[path];
    if (!a) throw new TypeError('fetch failed');
    return new Response(typeof a[1] === 'string' ? a[1] : JSON.stringify(a[1]), { status: a[0] });
  };
}
const P = '/hws-user-6331/profile';

describe('readAccount', () => {
  it('takes roles from _session and profile and keys from the user database', async () => {
    const acc = await readAccount(server({ '/_session': [200, session(['staff', 'clerk', 'office:a'])], [P]: [200, profile] }), 'http://x', 'c1', 'pw');
    expect(acc).toEqual({ user: { name: 'c1', displayName: '张敏', roles: ['clerk'], officeId: 'a', officeName: '甲街道', districtId: 'd' }, keys: profile.keys });
  });

  it('answers undefined when the server cannot be reached (offline sign-in may follow)', async () => {
    expect(await readAccount(server({}), 'http://x', 'c1', 'pw')).toBeUndefined();
  });

  it('refuses a wrong password and a session for someone else', async () => {
    await expect(readAccount(server({ '/_session': [401, { error: 'unauthorized' }] }), 'http://x', 'c1', 'pw')).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    await expect(readAccount(server({ '/_session': [200, session(['clerk'], 'other')] }), 'http://x', 'c1', 'pw')).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
  });

  it('refuses a profile whose office the server roles do not grant, a broken key, an account never set up, and non-JSON', async () => {
    const roles = session(['staff', 'clerk', 'office:b']);
    await expect(readAccount(server({ '/_session': [200, roles], [P]: [200, profile] }), 'http://x', 'c1', 'pw')).rejects.toMatchObject({ code: 'BAD_PROFILE', message: expect.stringContaining('与服务器上的角色不符') });
    const ok = session(['staff', 'clerk', 'office:a']);
    const broken = { ...profile, keys: { ...profile.keys, offices: { a: 'short' } } };
    await expect(readAccount(server({ '/_session': [200, ok], [P]: [200, broken] }), 'http://x', 'c1', 'pw')).rejects.toMatchObject({ code: 'BAD_PROFILE' });
    await expect(readAccount(server({ '/_session': [200, ok], [P]: [200, { ...profile, name: 'someone' }] }), 'http://x', 'c1', 'pw')).rejects.toMatchObject({ code: 'BAD_PROFILE' });
    await expect(readAccount(server({ '/_session': [200, ok], [P]: [404, { error: 'not_found' }] }), 'http://x', 'c1', 'pw')).rejects.toMatchObject({ code: 'BAD_PROFILE', message: expect.stringContaining('setup') });
    await expect(readAccount(server({ '/_session': [200, '<html>'] }), 'http://x', 'c1', 'pw')).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    await expect(readAccount(server({ '/_session': [200, session(['staff', 'office:a'])], [P]: [200, profile] }), 'http://x', 'c1', 'pw')).rejects.toMatchObject({ code: 'BAD_PROFILE', message: expect.stringContaining('未分配岗位') });
  });
});
