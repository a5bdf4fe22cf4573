import { describe, expect, it } from 'vitest';
import { fromHex, hex } from '../codec/stream';
import { FP_PID, ackOf, decodeFpPacket, encodeAck, encodeCommand, encodeDataPackets, fpStreamDecoder, instructionOf, scoreOf } from './codec';
import { confirmMeaning } from './confirm';

describe('R30x packets', () => {
  it('encodes GenImg exactly as in DOMAIN.md', () => {
    expect(hex(encodeCommand('genImg'))).toBe('EF 01 FF FF FF FF 01 00 03 01 00 05');
  });
  it('encodes Img2Tz(1) and UpChar(1)', () => {
    expect(hex(encodeCommand('img2Tz', [1]))).toBe('EF 01 FF FF FF FF 01 00 04 02 01 00 08');
    expect(hex(encodeCommand('upChar', [1]))).toBe('EF 01 FF FF FF FF 01 00 04 08 01 00 0E');
  });
  it('decodes an ack and its confirmation code', () => {
    const p = decodeFpPacket(fromHex('EF 01 FF FF FF FF 07 00 03 02 00 0C'));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value).toMatchObject({ address: 0xffffffff, pid: FP_PID.ack });
    const ack = ackOf(p.value);
    expect(ack.ok && confirmMeaning(ack.value.code).status).toBe('NO_FINGER');
  });
  it('reads the Match score', () => {
    const p = decodeFpPacket(encodeAck(0x00, [0x00, 0x96]));
    const ack = p.ok ? ackOf(p.value) : p;
    expect(ack.ok && scoreOf(ack.value)).toBe(150);
  });
  it('recognises command packets', () => {
    const p = decodeFpPacket(encodeCommand('downChar', [2]));
    expect(p.ok && instructionOf(p.value)).toBe('downChar');
  });
  it('rejects bad sums, bad PIDs and impossible lengths', () => {
    expect(decodeFpPacket(fromHex('EF 01 FF FF FF FF 07 00 03 02 00 0D'))).toMatchObject({ error: { kind: 'CHECKSUM', expected: 0x0c, actual: 0x0d } });
    expect(decodeFpPacket(fromHex('EF 01 FF FF FF FF 05 00 03 02 00 0A'))).toMatchObject({ error: { kind: 'PACKET_TYPE', pid: 5 } });
    expect(decodeFpPacket(fromHex('EF 01 FF FF FF FF 07 04 00 00'))).toMatchObject({ error: { kind: 'LENGTH', length: 0x400 } });
    expect(decodeFpPacket(fromHex('EF 01 FF FF FF FF 07 00 02 00 09'))).toMatchObject({ error: { kind: 'LENGTH', length: 2 } });
  });
  it('splits a 512-byte template into 128-byte data packets ending with 08', () => {
    const packets = encodeDataPackets(new Uint8Array(512).fill(1));
    expect(packets.map((p) => p[6])).toEqual([2, 2, 2, 8]);
    expect(packets.every((p) => p.length === 9 + 128 + 2)).toBe(true);
  });
  it('explains confirmation codes', () => {
    expect(confirmMeaning(0x0a).status).toBe('MERGE_FAILED');
    expect(confirmMeaning(0x77).status).toBe('UNKNOWN');
  });
});

describe('R30x stream decoder', () => {
  const ack = encodeAck(0);
  it('resynchronises on stray bytes and partial input', () => {
    const d = fpStreamDecoder();
    const bytes = Uint8Array.of(0xef, 0x00, 0x01, 0xef, ...ack, ...encodeDataPackets(new Uint8Array(300)).flatMap((p) => [...p]));
    const events = [...bytes].flatMap((b) => d.push(Uint8Array.of(b)));
    expect(events.map((e) => (e.ok ? e.value.pid : e.error.kind))).toEqual([7, 2, 2, 8]);
  });
  it('reports a corrupt packet then the next good one', () => {
    const bad = ack.slice();
    bad[9]! ^= 1;
    const events = fpStreamDecoder().push(Uint8Array.of(...bad, ...ack));
    expect(events.map((e) => (e.ok ? 'ok' : e.error.kind))).toEqual(['CHECKSUM', 'ok']);
  });
});
