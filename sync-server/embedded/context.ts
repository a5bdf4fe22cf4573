// What every route handler gets: the databases, the writer, the auth and the options.
import type { Auth } from './auth';
import type { Changes } from './changes';
import type { Databases } from './databases';
import type { DesignFunctions } from './design';
import type { ServerLog } from './errors';
import type { Request } from './http';
import type { Writer } from './writes';

export interface ServerContext {
  readonly dbs: Databases;
  readonly writer: Writer;
  readonly design: DesignFunctions;
  readonly auth: Auth;
  readonly changes: Changes;
  readonly log: ServerLog;
  readonly uuid: string;
}

export type Handler = (req: Request, ctx: ServerContext) => Promise<void>;

export function identityOf(req: Request) {
  return { user: req.user, isServerAdmin: req.isServerAdmin };
}
