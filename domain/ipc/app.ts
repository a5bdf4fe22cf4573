export type RunMode = 'electron' | 'browser';

/**
 * The origin of the renderer in the Electron shell: its files are served on this privileged
 * scheme (never file://), and the sync server's CORS must name it as it names browser mode's.
 */
export const ELECTRON_APP_ORIGIN = 'hws://app';

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
