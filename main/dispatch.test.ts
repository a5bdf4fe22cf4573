// Every call the adapters serve has an argument schema, and bad arguments are refused as data
// (BAD_ARGS with a Chinese reason) before the handler runs.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerName } from '../domain/ipc/contract';
import { ARG_SCHEMAS } from '../domain/ipc/schemas';
import { createMainContext, type MainContext } from './context';
import { dispatch, type HandlerImpls } from './dispatch';
import { createHandlers } from './handlers';

let dir: string;
let ctx: MainContext;
let handlers: HandlerImpls;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-dispatch-'));
  ctx = await createMainContext({ mode: 'browser', version: 't', couchUrl: 'http://127.0.0.1:9', dataDir: dir });
  handlers = createHandlers(ctx);
});
afterAll(async () => {
  await ctx.devices.stop();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

/** Handlers that record whether they ran. */
function spied(): { impls: HandlerImpls; ran: string[] } {
  const ran: string[] = [];
  const impls = Object.fromEntries(
    Object.keys(handlers).map((name) => [name, async () => void ran.push(name)]),
  ) as unknown as HandlerImpls;
  return { impls, ran };
}

const receipt = {
  kind: 'receipt', receiptNo: 'FT-20260101-0001', officeName: '华富街道', date: '2026-01-01', applicantName: '张三', idMasked: '4403**********1234',
  businessItemLabel: '公租房申请', received: [], missing: [], nextSteps: [], deadline: '2026-01-21', clerkName: '张敏',
};

const publicity = { officeName: '福田区住房和建设局', startsOn: '2026-03-02', endsOn: '2026-03-08', rows: [{ applicantName: '王五', idMasked: '440304********0023', businessItem: 'public_rental', street: '华富街道', householdSize: 3 }] };
/** A full ID number, a bad date, an unknown business item: refused before any file is made. */
const PUBLICITY_BAD = [
  { ...publicity, rows: [{ ...publicity.rows[0], idMasked: '440304198506150023' }] },
  { ...publicity, startsOn: '2026/03/02' },
  { ...publicity, rows: [{ ...publicity.rows[0], businessItem: 'villa' }] },
  null,
];

/** For each handler: arguments a page (or a script on the local socket) might send that must be refused. */
const BAD: Record<HandlerName, readonly unknown[]> = {
  'app/info': [{ extra: 1 }, 'x'],
  'session/login': [{ username: 1, password: 'x' }, { username: 'a' }, 'clerk1:demo1234'],
  'session/logout': [{ user: 'x' }],
  'signoff/status': [{}, { username: 7 }],
  'signoff/enroll': [{ username: 'a' }, { username: 'a', password: 'x', template: 'mine' }],
  'signoff/fingerprint': [undefined, { username: 'a', password: 'x' }],
  'session/authorize': [{ username: 'a', password: ['x'] }, undefined],
  'session/override': [{ username: 'a', password: 'x', caseId: 'case:1', reason: '  ' }, { username: 'a', password: 'x', reason: 'r' }, { username: 'a', password: 'x', caseId: 'case:1', reason: 'r', by: 'someone' }],
  'devices/status': [42],
  'devices/list': [{ path: '/' }],
  'devices/configure': [
    { kind: 'idcard', port: '/etc/passwd' },
    { kind: 'idcard', port: '/dev/ttyUSB0', baudRate: -5 },
    { kind: 'fingerprint', port: '/dev/ttyUSB0', baudRate: 12345 },
    { kind: 'printer', port: '/dev/ttyUSB0' },
    { kind: 'idcard', port: '/dev/serial/by-id/../../etc/passwd' },
  ],
  'devices/training': [{ enabled: 'yes' }, {}],
  'devices/test': [{ kind: 'camera' }],
  'idcard/read': [{ waitForCardMs: -1 }, { waitForCardMs: 'forever' }],
  'fingerprint/enroll': [{ finger: 1 }],
  'fingerprint/verify': [{}, { template: { template: '<script>', module: 'r30x', quality: 90 } }],
  'documents/render': [{ ...receipt, receiptNo: 'x' }, { ...receipt, received: 'all' }, null],
  'documents/correction-notice': [
    { noticeNo: 'BZ20260101-0001', officeName: '华富街道', date: '2026-01-01', applicantName: '张三', idMasked: '4403**********1234', businessItemLabel: '公租房', receiptNo: null, returnedBy: '李', returnedOn: '2026-01-01', corrections: [], deadline: '2026-01-11', clerkName: '张敏' },
    { ...receipt, kind: 'notice' },
    null,
  ],
  'documents/publicity-pdf': PUBLICITY_BAD,
  'documents/inspection': [{ kind: 'record', documentNo: 'HC20260106-0000000A' }, { kind: 'invoice' }, null],
  'documents/decision': [{ title: '审核结果通知书', documentNo: 'nope' }, { idMasked: '440304198803150023' }, null],
  'documents/publicity-xlsx': PUBLICITY_BAD,
  'scans/list': [{ folder: '/etc' }],
  'scans/read': [{}, { name: 7 }, { name: 'a'.repeat(300) }],
  'scans/remove': [undefined, { name: '' }],
  'ocr/stage': [{ transferId: 'a1b2c3d4-e5f6', offset: -1, dataBase64: 'QUJD' }, { transferId: 'x', offset: 0, dataBase64: 'QUJD' }, { transferId: 'a1b2c3d4-e5f6', offset: 0, dataBase64: '<script>' }],
  'ocr/read': [{ transferId: 'a1b2c3d4-e5f6', kind: 'passport' }, { transferId: '../etc', kind: 'hukou' }],
  'batches/targets': [{ root: '/' }],
  'batches/stage': [{ transferId: '../../etc', offset: 0, dataBase64: 'AA==' }, { transferId: 'abcdefgh1', offset: -1, dataBase64: 'AA==' }, { transferId: 'abcdefgh1', offset: 0, dataBase64: '<script>' }],
  'batches/save': [{ transferId: 'abcdefgh1', folder: '/media/usb', fileName: '../passwd' }, { transferId: 'abcdefgh1', folder: '', fileName: 'a.hwsbatch' }],
  'batches/import': [{ transferId: 'abcdefgh1' }, { transferId: 'abcdefgh1', username: 'it1', password: 'x', asAdmin: true }],
  'batches/discard': [{}],
};

describe('argument schemas', () => {
  it('cover every handler the adapters serve, and no name that is not one', () => {
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual(Object.keys(handlers).sort());
    expect(Object.keys(BAD).sort()).toEqual(Object.keys(handlers).sort());
  });

  it('refuse bad arguments for every handler as BAD_ARGS with a Chinese reason, before it runs', async () => {
    const { impls, ran } = spied();
    for (const [name, cases] of Object.entries(BAD)) {
      for (const args of cases) {
        const result = await dispatch(impls, name, args);
        expect({ name, args, result }).toMatchObject({ name, result: { ok: false, error: { code: 'BAD_ARGS', message: expect.stringMatching(/参数不正确/) } } });
      }
    }
    expect(ran).toEqual([]);
  });

  it('let good arguments through, with what the renderer sends for calls that take none', async () => {
    const { impls, ran } = spied();
    const good: [HandlerName, unknown][] = [
      ['app/info', undefined], ['devices/status', null], ['session/login', { username: 'clerk1', password: 'demo1234' }],
      ['devices/configure', { kind: 'idcard', port: '/dev/ttyUSB0', baudRate: 115200 }], ['devices/configure', { kind: 'fingerprint', port: 'COM3' }],
      ['devices/configure', { kind: 'idcard', port: '/dev/pts/4' }], ['devices/configure', { kind: 'idcard', port: null }],
      ['idcard/read', undefined], ['idcard/read', { waitForCardMs: 8000 }], ['documents/render', { ...receipt, futureField: 1 }],
      ['scans/read', { name: 'page-001.jpg' }], ['fingerprint/verify', { template: { template: 'QUJD', module: 'r30x', quality: 80 } }],
    ];
    for (const [name, args] of good) expect({ name, result: await dispatch(impls, name, args) }).toMatchObject({ name, result: { ok: true } });
    expect(ran).toHaveLength(good.length);
  });

  it('devices/configure no longer saves /etc/passwd or baud −5, and says why', async () => {
    const result = await dispatch(handlers, 'devices/configure', { kind: 'idcard', port: '/etc/passwd', baudRate: -5 });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    const message = !result.ok ? result.error.message : '';
    expect(message).toContain('端口必须是串口设备');
    expect(message).toContain('波特率');
    const saved = await readFile(path.join(dir, 'devices.json'), 'utf8').catch(() => '');
    expect(saved).not.toContain('/etc/passwd');
    expect(ctx.devices.status()[0]).toMatchObject({ port: null, baudRate: 115200 });
  });
});
