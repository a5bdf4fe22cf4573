// The ID card driver over the HID transport, fed by the replay fake with recorded report sequences.
import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../domain/devices';
import { fromHex } from '../codec/stream';
import { encodeReply, encodeRequest } from '../idcard/codec';
import { SamIdCardReader } from '../idcard/driver';
import { encodeCardData, encodeText } from '../idcard/text';
import { loadCard } from '../sim/card-file';
import { HID_REPORT_SIZE, HidTransport, payloadOfInputReport, toInputReports, toOutputReports } from './hid';
import { ReplayHidDevice, type ReplayStep } from './hid-replay';

const report = (hexPayload: string): Uint8Array => {
  const payload = fromHex(hexPayload);
  const r = new Uint8Array(HID_REPORT_SIZE);
  r[0] = payload.length;
  r.set(payload, 1);
  return r;
};

// Recorded: find ok (SW3 9F) arriving in two reports, select ok in one.
const FIND_OK = [report('AA AA AA 96 69 00 08'), report('00 00 9F 00 00 00 00 97')];
const FIND_NONE = [report('AA AA AA 96 69 00 04 00 00 80 84')];
const SELECT_OK = [report('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C')];

const card = loadCard(new URL('../sim/cards/ma-zhiqiang.json', import.meta.url).pathname);
const READ_OK = toInputReports(encodeReply(0x90, encodeCardData({ text: encodeText(card.text), photo: card.photo })));

const step = (cmd: Parameters<typeof encodeRequest>[0], reports: Uint8Array[], unplugAfter?: number): ReplayStep =>
  unplugAfter === undefined ? { expect: encodeRequest(cmd), reports } : { expect: encodeRequest(cmd), reports, unplugAfter };

describe('HID report framing', () => {
  it('prefixes output reports with report id 0 and a length byte, 65 bytes each', () => {
    const reports = toOutputReports(new Uint8Array(100).fill(1));
    expect(reports.map((r) => [r.length, r[0], r[1]])).toEqual([
      [65, 0, 63],
      [65, 0, 37],
    ]);
  });
  it('splits a 1295-byte read reply across 21 input reports and joins it back', () => {
    expect(READ_OK).toHaveLength(21);
    const joined = READ_OK.flatMap((r) => [...payloadOfInputReport(r)]);
    expect(joined).toHaveLength(1295);
  });
  it('clamps a bogus length byte', () => {
    expect(payloadOfInputReport(Uint8Array.of(200, 1, 2))).toEqual(Uint8Array.of(1, 2));
  });
});

describe('ID card reader over HID (replayed reports)', () => {
  it('reads a card from recorded reports', async () => {
    const device = new ReplayHidDevice([step('findCard', FIND_OK), step('selectCard', SELECT_OK), step('readText', READ_OK)]);
    const reader = new SamIdCardReader(new HidTransport(device, 'hid replay'));
    const c = await reader.readCard();
    expect(c).toMatchObject({ name: '马志强', nationCode: '03', idNumber: '440305197508221317', validTo: '2030-09-01' });
    expect(device.mismatches).toEqual([]);
    expect(device.remaining).toBe(0);
    await reader.close();
    expect(device.closed).toBe(true);
  });

  it('maps a recorded no-card reply to NO_CARD', async () => {
    const reader = new SamIdCardReader(new HidTransport(new ReplayHidDevice([step('findCard', FIND_NONE)]), 'hid replay'));
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'NO_CARD' });
  });

  it('reports DISCONNECTED when the device goes away in the middle of the read reply', async () => {
    const device = new ReplayHidDevice([step('findCard', FIND_OK), step('selectCard', SELECT_OK), step('readText', READ_OK, 5)]);
    const reader = new SamIdCardReader(new HidTransport(device, 'hid replay'));
    const e = await reader.readCard().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DeviceError);
    expect((e as DeviceError).code).toBe('DISCONNECTED');
  });
});
