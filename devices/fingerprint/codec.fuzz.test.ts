// ≥100,000 random and mutated packets through every R30x decoding function: nothing may throw and
// every failure is a typed FrameError; the stream decoder keeps recovering.
import { describe, expect, it } from 'vitest';
import { mutate, randInt, randomBytes, rng } from '../codec/fuzz';
import type { FrameErrorKind } from '../codec/stream';
import { FP_HEADER, FP_INSTR, type FpInstruction, ackOf, decodeFpPacket, encodeAck, encodeCommand, encodeDataPackets, fpStreamDecoder, instructionOf, scoreOf } from './codec';
import { confirmMeaning } from './confirm';

const KINDS: ReadonlySet<FrameErrorKind> = new Set(['CHECKSUM', 'LENGTH', 'PACKET_TYPE', 'TRUNCATED', 'NO_HEADER', 'TRAILING', 'CONTENT']);
const INSTR = Object.keys(FP_INSTR) as FpInstruction[];

function validPacket(r: () => number): Uint8Array {
  const pick = randInt(r, 10);
  if (pick < 4) return encodeCommand(INSTR[randInt(r, INSTR.length)]!, [...randomBytes(r, randInt(r, 5))]);
  if (pick < 8) return encodeAck(randInt(r, 0x20), [...randomBytes(r, randInt(r, 4))], randInt(r, 2) ? 0xffffffff : randInt(r, 2 ** 32));
  return encodeDataPackets(randomBytes(r, 1 + randInt(r, 128)))[0]!;
}

function packetOf(r: () => number): Uint8Array {
  const pick = randInt(r, 10);
  if (pick < 3) return validPacket(r);
  if (pick < 8) return mutate(r, validPacket(r));
  if (pick < 9) return Uint8Array.of(...FP_HEADER, ...randomBytes(r, randInt(r, 16)));
  return randomBytes(r, randInt(r, 20));
}

describe('R30x codec fuzz', () => {
  it('survives 120,000 random and mutated packets with typed errors only', () => {
    const r = rng(0xf1a6);
    const stream = fpStreamDecoder();
    let packets = 0;
    let errors = 0;
    let validSent = 0;
    let untyped = 0;
    let maxBuffered = 0;
    let bufferLimit = 0;
    let streamPackets = 0;
    for (let i = 0; i < 120_000; i++) {
      const bytes = packetOf(r);
      const one = decodeFpPacket(bytes);
      if (one.ok) {
        packets++;
        instructionOf(one.value);
        const ack = ackOf(one.value);
        if (ack.ok) {
          confirmMeaning(ack.value.code);
          scoreOf(ack.value);
        } else if (!KINDS.has(ack.error.kind)) untyped++;
      } else {
        errors++;
        if (!KINDS.has(one.error.kind)) untyped++;
      }
      const good = i % 50 === 0;
      const chunk = good ? Uint8Array.of(...bytes, ...encodeAck(0)) : bytes;
      if (good) validSent++;
      for (let at = 0; at < chunk.length; ) {
        const n = 1 + randInt(r, 32);
        for (const e of stream.push(chunk.subarray(at, at + n))) {
          if (e.ok) streamPackets++;
          else if (!KINDS.has(e.error.kind)) untyped++;
        }
        at += n;
      }
      maxBuffered = Math.max(maxBuffered, stream.buffered);
      bufferLimit = 9 + 258;
    }
    expect(packets).toBeGreaterThan(10_000);
    expect(errors).toBeGreaterThan(10_000);
    expect(untyped).toBe(0);
    expect(maxBuffered).toBeLessThanOrEqual(bufferLimit);
    expect(streamPackets).toBeGreaterThan(validSent * 0.8);
  });
});
