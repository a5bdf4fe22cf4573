// Runs one renderer → main call: looks the handler up, checks its arguments against the schema of
// that name (domain/ipc/schemas), enforces its deadline, and turns every outcome into data.
// Unexpected errors are logged once here with an id the clerk can quote.
import { randomUUID } from 'node:crypto';
import { AppError, fail, ok, type Result } from '../domain/errors';
import { checkArgs } from '../domain/ipc/schemas';
import { CALL_TIMEOUTS_MS, DEFAULT_CALL_TIMEOUT_MS, type ArgsOf, type HandlerName, type ReplyOf } from '../domain/ipc/contract';

export type HandlerImpls = { [K in HandlerName]: (args: ArgsOf<K>) => Promise<ReplyOf<K>> };

export function isHandlerName(impls: HandlerImpls, name: string): name is HandlerName {
  return Object.prototype.hasOwnProperty.call(impls, name);
}

export async function dispatch(
  impls: HandlerImpls,
  name: string,
  args: unknown,
  log: (line: string) => void = (line) => console.error(line),
): Promise<Result<unknown>> {
  if (!isHandlerName(impls, name)) return fail('UNKNOWN_CALL', `未知的操作:${name}`);
  const checked = checkArgs(name, args);
  if (!checked.ok) return fail('BAD_ARGS', checked.message);
  const timeoutMs = CALL_TIMEOUTS_MS[name] ?? DEFAULT_CALL_TIMEOUT_MS;
  const handler = impls[name] as (a: unknown) => Promise<unknown>;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('TIMEOUT', '操作超时,请稍后重试')), timeoutMs);
  });
  try {
    return ok(await Promise.race([handler(checked.args), deadline]));
  } catch (e) {
    if (e instanceof AppError) return fail(e.code, e.message);
    const id = randomUUID().slice(0, 8);
    log(`[${id}] ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return fail('INTERNAL', `操作失败,请联系IT人员(错误编号 ${id})`, id);
  } finally {
    clearTimeout(timer);
  }
}
