// A streaming frame parser shared by both codecs: bytes arrive in arbitrary pieces; it scans for the
// protocol's header, skips stray bytes, waits on partial frames and reports malformed ones as data.

/** Why a frame was rejected. Every failure of a codec is one of these; nothing throws. */
export type FrameError =
  | { readonly kind: 'CHECKSUM'; readonly expected: number; readonly actual: number }
  | { readonly kind: 'LENGTH'; readonly length: number }
  | { readonly kind: 'PACKET_TYPE'; readonly pid: number }
  | { readonly kind: 'TRUNCATED'; readonly have: number; readonly need: number }
  | { readonly kind: 'NO_HEADER' }
  | { readonly kind: 'TRAILING'; readonly extra: number }
  | { readonly kind: 'CONTENT'; readonly detail: string };

export type FrameErrorKind = FrameError['kind'];

/** One step of parsing at a buffer that starts with the header. */
export type ParseStep<F> =
  | { readonly kind: 'frame'; readonly frame: F; readonly size: number }
  | { readonly kind: 'need-more'; readonly need: number }
  | { readonly kind: 'bad'; readonly error: FrameError };

export interface FrameSyntax<F> {
  readonly header: Uint8Array;
  /** Parse the frame at the start of `buf` (which begins with the header). */
  parseAt(buf: Uint8Array): ParseStep<F>;
}


/** The result of every decoding function: a value or a typed reason. */
export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FrameError };
export const decoded = <T>(value: T): Decoded<T> => ({ ok: true, value });
export const rejected = (error: FrameError): Decoded<never> => ({ ok: false, error });

/** Decode exactly one complete frame from `bytes` (no stray bytes before, none after). */
export function decodeOne<F>(syntax: FrameSyntax<F>, bytes: Uint8Array): Decoded<F> {
  if (!startsWith(bytes, 0, syntax.header, syntax.header.length)) return rejected({ kind: 'NO_HEADER' });
  const step = syntax.parseAt(bytes);
  if (step.kind === 'bad') return rejected(step.error);
  if (step.kind === 'need-more') return rejected({ kind: 'TRUNCATED', have: bytes.length, need: step.need });
  if (step.size !== bytes.length) return rejected({ kind: 'TRAILING', extra: bytes.length - step.size });
  return decoded(step.frame);
}

export class StreamDecoder<F> {
  private buf = new Uint8Array(0);
  private start = 0;
  private end = 0;
  /** Bytes discarded while looking for a header (line noise, leftovers of bad frames). */
  skipped = 0;

  constructor(private readonly syntax: FrameSyntax<F>) {}

  /** Feed received bytes; returns every complete frame and every rejected frame, in order. */
  push(chunk: Uint8Array): Decoded<F>[] {
    this.append(chunk);
    const events: Decoded<F>[] = [];
    const header = this.syntax.header;
    for (;;) {
      const at = this.findHeader();
      this.skipped += at - this.start;
      this.start = at;
      if (this.end - this.start < header.length) break; // partial header (or nothing) kept
      const step = this.syntax.parseAt(this.buf.subarray(this.start, this.end));
      if (step.kind === 'need-more') break;
      if (step.kind === 'frame') {
        events.push(decoded(step.frame));
        this.start += step.size;
      } else {
        events.push(rejected(step.error));
        // Resynchronise just past this header: a real frame may start inside the rejected one.
        this.start += 1;
      }
    }
    if (this.start === this.end) this.start = this.end = 0;
    return events;
  }

  /** Drop everything buffered (before a new command, after a timeout). */
  reset(): void {
    this.start = this.end = 0;
  }

  get buffered(): number {
    return this.end - this.start;
  }

  private append(chunk: Uint8Array): void {
    const used = this.end - this.start;
    if (this.end + chunk.length > this.buf.length) {
      const next = new Uint8Array(Math.max(256, (used + chunk.length) * 2));
      next.set(this.buf.subarray(this.start, this.end));
      this.buf = next;
      this.start = 0;
      this.end = used;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** Index of the first full header, or of a header prefix running to the end, or `end`. */
  private findHeader(): number {
    const header = this.syntax.header;
    for (let i = this.start; i < this.end; i++) {
      if (this.buf[i] !== header[0]) continue;
      const n = Math.min(header.length, this.end - i);
      if (startsWith(this.buf, i, header, n)) return i;
    }
    return this.end;
  }
}

function startsWith(buf: Uint8Array, at: number, header: Uint8Array, n: number): boolean {
  if (buf.length - at < n) return false;
  for (let k = 0; k < n; k++) if (buf[at + k] !== header[k]) return false;
  return true;
}

export const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

export const fromHex = (text: string): Uint8Array =>
  Uint8Array.from(text.trim().split(/\s+/).filter(Boolean).map((h) => parseInt(h, 16)));

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
