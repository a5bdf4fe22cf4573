// ≥100,000 random and mutated frames through every SAM decoding function: nothing may throw, every
// failure must be a typed FrameError, and the stream decoder must keep finding the valid frames.
import { describe, expect, it } from 'vitest';
import { mutate, randInt, randomBytes, rng } from '../codec/fuzz';
import type { FrameErrorKind } from '../codec/stream';
import { SAM_COMMANDS, type SamCommand, SAM_HEADER, decodeSamFrame, encodeReply, encodeRequest, replyOf, requestOf, samStreamDecoder } from './codec';
import { sw3Meaning } from './sw3';
import { decodeCard } from './text';

const KINDS: ReadonlySet<FrameErrorKind> = new Set(['CHECKSUM', 'LENGTH', 'PACKET_TYPE', 'TRUNCATED', 'NO_HEADER', 'TRAILING', 'CONTENT']);
const COMMANDS = Object.keys(SAM_COMMANDS) as SamCommand[];

function validFrame(r: () => number): Uint8Array {
  const pick = randInt(r, 100);
  if (pick < 40) return encodeRequest(COMMANDS[randInt(r, COMMANDS.length)]!);
  if (pick < 99) return encodeReply(randInt(r, 256), randomBytes(r, randInt(r, 12)));
  return encodeReply(0x90, Uint8Array.of(1, 0, 4, 0, ...randomBytes(r, 1280)));
}

function frameOf(r: () => number): Uint8Array {
  const pick = randInt(r, 10);
  if (pick < 3) return validFrame(r);
  if (pick < 8) return mutate(r, validFrame(r));
  if (pick < 9) return Uint8Array.of(...SAM_HEADER, ...randomBytes(r, randInt(r, 20)));
  return randomBytes(r, randInt(r, 24));
}

describe('SAM codec fuzz', () => {
  it('survives 120,000 random and mutated frames with typed errors only', () => {
    const r = rng(0x5a3);
    const stream = samStreamDecoder();
    let frames = 0;
    let errors = 0;
    let validSent = 0;
    let untyped = 0;
    let maxBuffered = 0;
    let bufferLimit = 0;
    let streamFrames = 0;
    for (let i = 0; i < 120_000; i++) {
      const bytes = frameOf(r);
      const one = decodeSamFrame(bytes);
      if (one.ok) {
        frames++;
        const reply = replyOf(one.value);
        if (reply.ok) {
          sw3Meaning(reply.value.sw3);
          decodeCard(reply.value.data);
          decodeCard(reply.value.data, true);
        } else if (!KINDS.has(reply.error.kind)) untyped++;
        const req = requestOf(one.value);
        if (!req.ok && !KINDS.has(req.error.kind)) untyped++;
      } else {
        errors++;
        if (!KINDS.has(one.error.kind)) untyped++;
      }
      // The same bytes, plus a known-good frame, through the stream decoder in random pieces.
      const good = i % 50 === 0;
      const chunk = good ? Uint8Array.of(...bytes, ...encodeReply(0x90)) : bytes;
      if (good) validSent++;
      for (let at = 0; at < chunk.length; ) {
        const n = 1 + randInt(r, 64);
        for (const e of stream.push(chunk.subarray(at, at + n))) {
          if (e.ok) streamFrames++;
          else if (!KINDS.has(e.error.kind)) untyped++;
        }
        at += n;
      }
      maxBuffered = Math.max(maxBuffered, stream.buffered);
      bufferLimit = 7 + 0x0a00;
    }
    expect(frames).toBeGreaterThan(10_000);
    expect(errors).toBeGreaterThan(10_000);
    expect(untyped).toBe(0);
    expect(maxBuffered).toBeLessThanOrEqual(bufferLimit);
    // A corrupt LEN can swallow a following frame, but the decoder must recover most of them.
    expect(streamFrames).toBeGreaterThan(validSent * 0.8);
  });
});
