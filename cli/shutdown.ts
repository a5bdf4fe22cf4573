// Ending a long-running command (`hws start`, `hws sync-server start`) on SIGINT or SIGTERM: the
// first signal starts an orderly shutdown, a second one or the deadline ends the process at once,
// so nothing still open (a port, a socket, a child process) can keep it running.

/** The orderly part of a shutdown gets this long; the process is gone within it plus a few ms. */
export const SHUTDOWN_DEADLINE_MS = 1_500;

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
/** After the orderly part, whatever is still referenced (a library's timer, a socket) gets this long. */
const LINGER_MS = 100;
let received: NodeJS.Signals | undefined;

/** The signal that started a shutdown, if one did. */
export function signalReceived(): NodeJS.Signals | undefined {
  return received;
}

/** Called when a command has finished: after a signal, the process ends now even if a timer or socket was left open. */
export function exitSoonAfterSignal(code: number): void {
  if (received) setTimeout(() => process.exit(code), LINGER_MS).unref();
}

/**
 * Resolves with the first SIGINT or SIGTERM. From then on a second signal exits at once, and an
 * unreferenced timer exits when the orderly shutdown has not let the process end by the deadline.
 */
export function waitForSignal(deadlineMs = SHUTDOWN_DEADLINE_MS): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals): void => {
      received = signal;
      for (const s of SIGNALS) process.off(s, first);
      for (const s of SIGNALS) process.once(s, () => process.exit(1));
      const deadline = setTimeout(() => {
        if (process.exitCode === undefined) console.error(`未能在 ${deadlineMs / 1000} 秒内正常关闭,强制退出 / shutdown deadline passed, exiting`);
        process.exit(process.exitCode ?? 1);
      }, deadlineMs);
      deadline.unref();
      resolve(signal);
    };
    for (const s of SIGNALS) process.on(s, first);
  });
}
