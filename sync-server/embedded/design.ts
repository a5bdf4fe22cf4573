// Design-document functions (validate_doc_update, changes filters) run in a node:vm context of
// their own, with a time limit as CouchDB's query server has one: a function that loops answers
// 500 os_process_error and the server goes on. Arguments cross into the context as JSON.
import vm from 'node:vm';
import { HttpError } from './errors';
import type { Json } from './pouch';

export const DEFAULT_TIMEOUT_MS = 5_000;

interface Compiled {
  readonly context: vm.Context;
  readonly call: vm.Script;
}

const timedOut = () => new HttpError(500, 'os_process_error', 'OS process timed out.');

function isTimeout(e: unknown): boolean {
  return (e as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

export class DesignFunctions {
  private readonly cache = new Map<string, Compiled>();

  constructor(private readonly timeoutMs = DEFAULT_TIMEOUT_MS) {}

  private compile(key: string, source: string): Compiled {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const context = vm.createContext(Object.create(null) as object, {
      codeGeneration: { strings: false, wasm: false },
      microtaskMode: 'afterEvaluate',
    });
    try {
      vm.runInContext(`var log = function () {}; var __fn = (${source});`, context, { timeout: this.timeoutMs });
    } catch (e) {
      if (isTimeout(e)) throw timedOut();
      throw new HttpError(500, 'compilation_error', `design function ${key} does not compile: ${e instanceof Error ? e.message : String(e)}`);
    }
    const call = new vm.Script('JSON.stringify({ r: __fn.apply(null, JSON.parse(__args)) })');
    const compiled = { context, call };
    if (this.cache.size > 200) this.cache.clear();
    this.cache.set(key, compiled);
    return compiled;
  }

  /** Calls a function; a thrown value comes back as { thrown }. */
  private run(key: string, source: string, args: unknown[]): { value?: unknown; thrown?: unknown } {
    const { context, call } = this.compile(key, source);
    (context as Record<string, unknown>).__args = JSON.stringify(args);
    try {
      const out = call.runInContext(context, { timeout: this.timeoutMs }) as string | undefined;
      return { value: out === undefined ? undefined : (JSON.parse(out) as { r?: unknown }).r };
    } catch (e) {
      if (isTimeout(e)) throw timedOut();
      return { thrown: e };
    }
  }

  /** Runs validate_doc_update: a thrown { forbidden } is 403, { unauthorized } 401, anything else 500. */
  validate(key: string, source: string, newDoc: Json, oldDoc: Json | null, userCtx: Json, secObj: Json): void {
    const { thrown } = this.run(key, source, [newDoc, oldDoc, userCtx, secObj]);
    if (thrown === undefined) return;
    const t = thrown as { forbidden?: unknown; unauthorized?: unknown; message?: unknown } | null;
    if (t && typeof t === 'object' && t.forbidden !== undefined) throw new HttpError(403, 'forbidden', String(t.forbidden));
    if (t && typeof t === 'object' && t.unauthorized !== undefined) throw new HttpError(401, 'unauthorized', String(t.unauthorized));
    const e = t as { name?: unknown; message?: unknown } | null;
    const name = e && typeof e === 'object' && typeof e.name === 'string' ? e.name : 'render_error';
    const message = e && typeof e === 'object' && typeof e.message === 'string' ? e.message : String(thrown);
    throw new HttpError(500, name, `validate_doc_update failed: ${message}`);
  }

  /** Runs a changes filter: truthy keeps the document. */
  filter(key: string, source: string, doc: Json, req: Json): boolean {
    const { value, thrown } = this.run(key, source, [doc, req]);
    if (thrown !== undefined) return false;
    return !!value;
  }
}
