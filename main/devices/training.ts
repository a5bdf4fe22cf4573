// Training mode: the simulators of devices/sim on pseudo-terminals, so clerks can practise intake
// with no hardware. The sample cards take turns on the reader.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCard } from '../../devices/sim/card-file';
import { runFingerprintSim, runIdCardSim } from '../../devices/sim/run';

export interface TrainingDevices {
  readonly idcardPort: string;
  readonly fingerprintPort: string;
  stop(): Promise<void>;
}

const CARDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'devices', 'sim', 'cards');
/** The simulated card is "placed" again this long after each read. */
const REPLACE_CARD_MS = 800;

export async function startTrainingDevices(cardFile?: string): Promise<TrainingDevices> {
  const file = cardFile ?? path.join(CARDS_DIR, readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json')).sort()[0]!);
  const idcard = await runIdCardSim(loadCard(file), 'normal', REPLACE_CARD_MS, {});
  const fingerprint = await runFingerprintSim('normal', 1, {}).catch(async (e: unknown) => {
    await idcard.stop();
    throw e;
  });
  return {
    idcardPort: idcard.appPath,
    fingerprintPort: fingerprint.appPath,
    async stop() {
      await Promise.all([idcard.stop(), fingerprint.stop()]);
    },
  };
}
