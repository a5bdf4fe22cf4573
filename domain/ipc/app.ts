export type RunMode = 'electron' | 'browser';

export interface AppInfo {
  readonly mode: RunMode;
  readonly version: string;
  /** Base URL of the central CouchDB (or the embedded server), without credentials. */
  readonly couchUrl: string;
  /** A stable id of this workstation, shown in sync health. */
  readonly workstationId: string;
  readonly trainingMode: boolean;
}

export type AppHandlers = {
  'app/info': (args: void) => Promise<AppInfo>;
};
