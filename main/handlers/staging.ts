// Files that arrive from the page in chunks a call may carry (a batch, a certificate page), held
// in memory under the page's transfer id until taken whole; an abandoned transfer is dropped after
// `ttlMs`. The refusals are worded by the caller.
import { AppError } from '../../domain/errors';

export interface StagingRules {
  readonly chunkBytes: number;
  readonly maxBytes: number;
  /** Transfers held at once. */
  readonly maxStaged: number;
  readonly ttlMs: number;
  /** Each refusal: [code, Chinese message]. */
  readonly refusals: {
    readonly chunk: readonly [string, string];
    readonly busy: readonly [string, string];
    readonly order: readonly [string, string];
    readonly tooLarge: readonly [string, string];
    readonly notStaged: readonly [string, string];
  };
}

interface Staged {
  readonly chunks: Buffer[];
  size: number;
  touched: number;
}

export class Staging {
  private readonly staged = new Map<string, Staged>();

  constructor(private readonly rules: StagingRules) {}

  private refuse(which: keyof StagingRules['refusals']): never {
    const [code, message] = this.rules.refusals[which];
    throw new AppError(code, message);
  }

  /** Adds the chunk at `offset` (0 starts the transfer); answers the bytes held so far. */
  add(transferId: string, offset: number, dataBase64: string): { received: number } {
    const now = Date.now();
    for (const [id, s] of this.staged) if (now - s.touched > this.rules.ttlMs) this.staged.delete(id);
    const chunk = Buffer.from(dataBase64, 'base64');
    if (chunk.length > this.rules.chunkBytes) this.refuse('chunk');
    let s = this.staged.get(transferId);
    if (offset === 0) {
      if (!s && this.staged.size >= this.rules.maxStaged) this.refuse('busy');
      s = { chunks: [], size: 0, touched: now };
      this.staged.set(transferId, s);
    }
    if (!s || s.size !== offset) this.refuse('order');
    if (s.size + chunk.length > this.rules.maxBytes) {
      this.staged.delete(transferId);
      this.refuse('tooLarge');
    }
    s.chunks.push(chunk);
    s.size += chunk.length;
    s.touched = now;
    return { received: s.size };
  }

  /** The whole file, no longer held. */
  take(transferId: string): Buffer {
    const s = this.staged.get(transferId);
    if (!s) this.refuse('notStaged');
    this.staged.delete(transferId);
    return Buffer.concat(s.chunks, s.size);
  }

  drop(transferId: string): void {
    this.staged.delete(transferId);
  }
}
