export type RunMode = 'electron' | 'browser';

/**
 * The origin of the renderer in the Electron shell: its files are served on this privileged
 * scheme (never file://), and the sync server's CORS must name it as it names browser mode's.
 */
export const ELECTRON_APP_ORIGIN = 'hws://app';

/** The origins a central server answers CORS for by default: browser mode on its default port, and the Electron app. */
export const DEFAULT_WORKSTATION_ORIGINS: readonly string[] = ['http://127.0.0.1:17880', 'http://localhost:17880', ELECTRON_APP_ORIGIN];

export interface AppInfo {
  readonly mode: RunMode;
  readonly version: string;
  /** Base URL of the central CouchDB (or the embedded server), without credentials. */
  readonly couchUrl: string;
  /**
   * The centre's change relay (`hws relay`), without credentials, or null: the workstation then
   * follows each database's changes there instead of on CouchDB (docs/centre.md §6).
   */
  readonly relayUrl: string | null;
  /** A stable id of this workstation, shown in sync health. */
  readonly workstationId: string;
  readonly trainingMode: boolean;
}

export type AppHandlers = {
  'app/info': (args: void) => Promise<AppInfo>;
};
