// The page's reader refuses a hostile image from its header, before a byte goes to the host.
import { describe, expect, it } from 'vitest';
import type { Api } from '../api/client';
import { HostOcrReader } from './engine';

/** The start of a PNG: signature and IHDR (enough for the header check). */
function pngHead(width: number, height: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b[24] = 8;
  return b;
}

/** A host that records the calls and answers a reading. */
function fakeApi() {
  const calls: { name: string; args: unknown }[] = [];
  const api = {
    async invoke(name: string, args: unknown) {
      calls.push({ name, args });
      return name === 'ocr/read' ? { kind: 'hukou', text: '', fields: {}, confidence: {}, notes: {}, reads: {}, lines: [], skewDeg: 0, regions: 0 } : { received: 0 };
    },
    on: () => () => {},
  } as unknown as Api;
  return { api, calls };
}

describe('HostOcrReader', () => {
  it('refuses a 20000 × 20000 PNG and an empty file with the reason, sending nothing to the host', async () => {
    const { api, calls } = fakeApi();
    const reader = new HostOcrReader(api);
    await expect(reader.read(new Blob([pngHead(20_000, 20_000)]), 'hukou')).rejects.toThrow(/20000×20000.*超过上限/);
    await expect(reader.read(new Blob([]), 'hukou')).rejects.toThrow(/空的/);
    expect(calls).toEqual([]);
  });

  it('sends an honest page in order, in chunks a call may carry, then asks for its reading', async () => {
    const { api, calls } = fakeApi();
    const page = new Uint8Array(1_200_000);
    page.set(pngHead(1000, 1000));
    await new HostOcrReader(api).read(new Blob([page]), 'hukou');
    const stages = calls.filter((c) => c.name === 'ocr/stage').map((c) => c.args as { transferId: string; offset: number; dataBase64: string });
    expect(stages.map((s) => s.offset)).toEqual([0, 512 * 1024, 1024 * 1024]);
    expect(new Set(stages.map((s) => s.transferId)).size).toBe(1);
    expect(calls.at(-1)).toEqual({ name: 'ocr/read', args: { transferId: stages[0]!.transferId, kind: 'hukou' } });
  });
});
