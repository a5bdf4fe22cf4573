// Full ID card reads (find → select → read 30 01) over a socat pty against the simulator.
// A pty moves bytes as fast as the CPU allows, so the simulator paces its replies to 115200 baud
// (8N1: 10 bits per byte); the figures are then comparable to the physical floor of a real reader.
//   npx tsx bench/devices.ts [reads=20]
import { encodeReply, encodeRequest } from '../devices/idcard/codec';
import { SamIdCardReader } from '../devices/idcard/driver';
import { encodeCardData, encodeText } from '../devices/idcard/text';
import { loadCard } from '../devices/sim/card-file';
import { IdCardSimulator } from '../devices/sim/idcard-sim';
import { openPtyPair } from '../devices/sim/pty';

const BAUD = 115200;
const READS = Number(process.argv[2] ?? 20);
const card = loadCard(new URL('../devices/sim/cards/chen-xiaomei.json', import.meta.url).pathname);

const wireMs = (bytes: number): number => (bytes * 10 * 1000) / BAUD;
const requestBytes = encodeRequest('findCard').length + encodeRequest('selectCard').length + encodeRequest('readText').length;
const replyBytes =
  encodeReply(0x9f, new Uint8Array(4)).length +
  encodeReply(0x90, new Uint8Array(8)).length +
  encodeReply(0x90, encodeCardData({ text: encodeText(card.text), photo: card.photo })).length;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

async function run(paceBaud: number | undefined): Promise<number[]> {
  const pty = await openPtyPair();
  const sim = new IdCardSimulator({ pty }, paceBaud ? { card, paceBaud } : { card });
  await sim.start();
  const reader = await SamIdCardReader.openSerial(pty.appPath, BAUD);
  const times: number[] = [];
  try {
    await reader.readCard(); // warm-up
    for (let i = 0; i < READS; i++) {
      sim.replaceCard();
      const t0 = performance.now();
      await reader.readCard();
      times.push(performance.now() - t0);
    }
  } finally {
    await reader.close();
    await sim.stop();
    await pty.close();
  }
  return times.sort((a, b) => a - b);
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

const paced = await run(BAUD);
const raw = await run(undefined);
const allWire = wireMs(requestBytes + replyBytes);
const replyWire = wireMs(replyBytes);

console.log(`ID card full read (find → select → read 30 01), ${READS} reads, socat pty, simulator paced to ${BAUD} baud 8N1`);
console.log(`  bytes exchanged per read: ${requestBytes} sent + ${replyBytes} received = ${requestBytes + replyBytes}`);
console.log(`  wire time at ${BAUD} baud: ${fmt(allWire)} (replies alone ${fmt(replyWire)}; the 1295-byte read reply ${fmt(wireMs(1295))})`);
console.log(`  paced:   median ${fmt(percentile(paced, 50))}, p95 ${fmt(percentile(paced, 95))}, median / wire time = ${(percentile(paced, 50) / allWire).toFixed(2)} (/ paced reply wire time = ${(percentile(paced, 50) / replyWire).toFixed(2)})`);
console.log(`  unpaced: median ${fmt(percentile(raw, 50))}, p95 ${fmt(percentile(raw, 95))} (a pty does not throttle to the baud rate; shown for driver overhead only)`);
console.log('  note: requests from the host are not paced (30 bytes, 2.6 ms on a real wire); a real reader also needs');
console.log('  card-processing time (typically hundreds of ms) that the simulator does not model.');
