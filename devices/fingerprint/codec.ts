// Packets of the R30x / AS608 optical fingerprint module, DOMAIN.md §6. Pure functions over bytes.
//   EF 01 | ADDR(4) | PID | LEN(2, BE) | payload | SUM(2, BE)
// LEN = payload + 2; SUM = low 16 bits of PID + LEN bytes + payload.
import { type Decoded, type FrameSyntax, type ParseStep, StreamDecoder, decodeOne, decoded, rejected } from '../codec/stream';

export const FP_HEADER = Uint8Array.of(0xef, 0x01);
export const FP_DEFAULT_ADDRESS = 0xffffffff;
/** Data packet size used by this driver (the module's default). */
export const FP_DATA_SIZE = 128;
/** Largest LEN: the module's biggest data packet (256) plus SUM. */
export const FP_MAX_LEN = 256 + 2;
/** Smallest LEN: one payload byte (instruction or confirmation code) plus SUM. */
export const FP_MIN_LEN = 3;

export const FP_PID = { command: 0x01, data: 0x02, ack: 0x07, lastData: 0x08 } as const;
export type FpPid = (typeof FP_PID)[keyof typeof FP_PID];
const PIDS: ReadonlySet<number> = new Set(Object.values(FP_PID));

export const FP_INSTR = {
  genImg: 0x01,
  img2Tz: 0x02,
  match: 0x03,
  search: 0x04,
  regModel: 0x05,
  store: 0x06,
  upChar: 0x08,
  downChar: 0x09,
  deleteChar: 0x0c,
  empty: 0x0d,
  readSysPara: 0x0f,
  templateNum: 0x1d,
} as const;
export type FpInstruction = keyof typeof FP_INSTR;

export interface FpPacket {
  readonly address: number;
  readonly pid: FpPid;
  readonly payload: Uint8Array;
}

export interface FpAck {
  readonly code: number;
  readonly data: Uint8Array;
}

export function sum16(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += bytes[i]!;
  return s & 0xffff;
}

export function encodePacket(pid: FpPid, payload: Uint8Array, address = FP_DEFAULT_ADDRESS): Uint8Array {
  const len = payload.length + 2;
  const out = new Uint8Array(9 + len);
  out.set(FP_HEADER);
  out[2] = (address >>> 24) & 0xff;
  out[3] = (address >>> 16) & 0xff;
  out[4] = (address >>> 8) & 0xff;
  out[5] = address & 0xff;
  out[6] = pid;
  out[7] = len >> 8;
  out[8] = len & 0xff;
  out.set(payload, 9);
  const sum = sum16(out, 6, out.length - 2);
  out[out.length - 2] = sum >> 8;
  out[out.length - 1] = sum & 0xff;
  return out;
}

export const encodeCommand = (instr: FpInstruction, params: readonly number[] = [], address = FP_DEFAULT_ADDRESS): Uint8Array =>
  encodePacket(FP_PID.command, Uint8Array.of(FP_INSTR[instr], ...params), address);

export const encodeAck = (code: number, data: readonly number[] = [], address = FP_DEFAULT_ADDRESS): Uint8Array =>
  encodePacket(FP_PID.ack, Uint8Array.of(code, ...data), address);

/** Split bulk data (a template) into data packets: 02 … 02 08. */
export function encodeDataPackets(data: Uint8Array, size = FP_DATA_SIZE, address = FP_DEFAULT_ADDRESS): Uint8Array[] {
  const packets: Uint8Array[] = [];
  for (let at = 0; at < data.length || packets.length === 0; at += size) {
    const last = at + size >= data.length;
    packets.push(encodePacket(last ? FP_PID.lastData : FP_PID.data, data.subarray(at, at + size), address));
  }
  return packets;
}

export const fpSyntax: FrameSyntax<FpPacket> = {
  header: FP_HEADER,
  parseAt(buf: Uint8Array): ParseStep<FpPacket> {
    if (buf.length < 9) return { kind: 'need-more', need: 9 };
    const pid = buf[6]!;
    if (!PIDS.has(pid)) return { kind: 'bad', error: { kind: 'PACKET_TYPE', pid } };
    const len = (buf[7]! << 8) | buf[8]!;
    if (len < FP_MIN_LEN || len > FP_MAX_LEN) return { kind: 'bad', error: { kind: 'LENGTH', length: len } };
    const size = 9 + len;
    if (buf.length < size) return { kind: 'need-more', need: size };
    const expected = sum16(buf, 6, size - 2);
    const actual = (buf[size - 2]! << 8) | buf[size - 1]!;
    if (expected !== actual) return { kind: 'bad', error: { kind: 'CHECKSUM', expected, actual } };
    const address = ((buf[2]! << 24) | (buf[3]! << 16) | (buf[4]! << 8) | buf[5]!) >>> 0;
    return { kind: 'frame', frame: { address, pid: pid as FpPid, payload: buf.slice(9, size - 2) }, size };
  },
};

export const decodeFpPacket = (bytes: Uint8Array): Decoded<FpPacket> => decodeOne(fpSyntax, bytes);

export const fpStreamDecoder = (): StreamDecoder<FpPacket> => new StreamDecoder(fpSyntax);

export function ackOf(packet: FpPacket): Decoded<FpAck> {
  if (packet.pid !== FP_PID.ack) return rejected({ kind: 'PACKET_TYPE', pid: packet.pid });
  if (packet.payload.length < 1) return rejected({ kind: 'LENGTH', length: packet.payload.length + 2 });
  return decoded({ code: packet.payload[0]!, data: packet.payload.subarray(1) });
}

/** The instruction of a command packet, if it is one this codec knows. */
export function instructionOf(packet: FpPacket): FpInstruction | undefined {
  if (packet.pid !== FP_PID.command || packet.payload.length < 1) return undefined;
  const code = packet.payload[0];
  return (Object.keys(FP_INSTR) as FpInstruction[]).find((k) => FP_INSTR[k] === code);
}

/** Score of a Match ack: two bytes big-endian after the confirmation code. */
export const scoreOf = (ack: FpAck): number => (ack.data.length >= 2 ? (ack.data[0]! << 8) | ack.data[1]! : 0);
