// Frames of the second-generation ID card reader (SAM module), DOMAIN.md §5. Pure functions over bytes.
//   request: AA AA AA 96 69 | LEN(2, BE) | CMD PARA DATA… | CHK
//   reply:   AA AA AA 96 69 | LEN(2, BE) | SW1 SW2 SW3 DATA… | CHK
// LEN counts every byte after itself (CHK included); CHK = XOR of LEN_H … last DATA byte.
import { type Decoded, type FrameSyntax, type ParseStep, StreamDecoder, decodeOne, decoded, rejected } from '../codec/stream';

export const SAM_HEADER = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Smallest LEN: a request CMD PARA CHK. */
export const SAM_MIN_LEN = 3;
/** Largest LEN a reader produces: text + photo + fingerprint (0x090A), with some headroom. */
export const SAM_MAX_LEN = 0x0a00;

export const SAM_COMMANDS = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  readSamId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readText: [0x30, 0x01],
  readNewAddress: [0x30, 0x03],
  readWithFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;

export type SamCommand = keyof typeof SAM_COMMANDS;

/** A well-formed frame: the bytes between LEN and CHK. */
export interface SamFrame {
  readonly body: Uint8Array;
}

export interface SamRequest {
  readonly cmd: number;
  readonly para: number;
  readonly data: Uint8Array;
}

export interface SamReply {
  readonly sw1: number;
  readonly sw2: number;
  readonly sw3: number;
  readonly data: Uint8Array;
}

export function xorChecksum(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i]!;
  return x;
}

/** Wrap a body into a complete frame with header, LEN and CHK. */
export function encodeSamFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  const out = new Uint8Array(SAM_HEADER.length + 2 + len);
  out.set(SAM_HEADER);
  out[5] = len >> 8;
  out[6] = len & 0xff;
  out.set(body, 7);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

export function encodeRequest(command: SamCommand, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const [cmd, para] = SAM_COMMANDS[command];
  return encodeSamFrame(Uint8Array.of(cmd, para, ...data));
}

export function encodeReply(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0x00, sw2 = 0x00): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body.set([sw1, sw2, sw3]);
  body.set(data, 3);
  return encodeSamFrame(body);
}

export const samSyntax: FrameSyntax<SamFrame> = {
  header: SAM_HEADER,
  parseAt(buf: Uint8Array): ParseStep<SamFrame> {
    if (buf.length < 7) return { kind: 'need-more', need: 7 };
    const len = (buf[5]! << 8) | buf[6]!;
    if (len < SAM_MIN_LEN || len > SAM_MAX_LEN) return { kind: 'bad', error: { kind: 'LENGTH', length: len } };
    const size = 7 + len;
    if (buf.length < size) return { kind: 'need-more', need: size };
    const expected = xorChecksum(buf, 5, size - 1);
    const actual = buf[size - 1]!;
    if (expected !== actual) return { kind: 'bad', error: { kind: 'CHECKSUM', expected, actual } };
    return { kind: 'frame', frame: { body: buf.slice(7, size - 1) }, size };
  },
};

/** Decode one complete frame (exactly the bytes of one frame). */
export const decodeSamFrame = (bytes: Uint8Array): Decoded<SamFrame> => decodeOne(samSyntax, bytes);

export const samStreamDecoder = (): StreamDecoder<SamFrame> => new StreamDecoder(samSyntax);

export function replyOf(frame: SamFrame): Decoded<SamReply> {
  const b = frame.body;
  if (b.length < 3) return rejected({ kind: 'LENGTH', length: b.length + 1 });
  return decoded({ sw1: b[0]!, sw2: b[1]!, sw3: b[2]!, data: b.subarray(3) });
}

export function requestOf(frame: SamFrame): Decoded<SamRequest> {
  const b = frame.body;
  if (b.length < 2) return rejected({ kind: 'LENGTH', length: b.length + 1 });
  return decoded({ cmd: b[0]!, para: b[1]!, data: b.subarray(2) });
}

/** Decode one complete reply frame. */
export function decodeReply(bytes: Uint8Array): Decoded<SamReply> {
  const frame = decodeSamFrame(bytes);
  return frame.ok ? replyOf(frame.value) : frame;
}

/** Which named command a request carries, if any. */
export function commandOf(request: SamRequest): SamCommand | undefined {
  for (const [name, [cmd, para]] of Object.entries(SAM_COMMANDS)) {
    if (cmd === request.cmd && para === request.para) return name as SamCommand;
  }
  return undefined;
}
