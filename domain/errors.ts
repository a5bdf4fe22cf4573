// Errors cross process boundaries as data: a code a program can branch on and a message a person can act on.

export interface ErrorData {
  readonly code: string;
  readonly message: string;
  /** Correlation id for unexpected failures, logged once where they happened. */
  readonly id?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): ErrorData {
    return { code: this.code, message: this.message };
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, id?: string): Result<never> => ({
  ok: false,
  error: id === undefined ? { code, message } : { code, message, id },
});

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
