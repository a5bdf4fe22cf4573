// The fakes higher layers test against, and the driver over the in-memory transport pair.
import { describe, expect, it } from 'vitest';
import { DeviceError } from '../domain/devices';
import { FakeFingerprintModule } from './fingerprint/fake';
import { encodeReply, requestOf, samStreamDecoder } from './idcard/codec';
import { SamIdCardReader } from './idcard/driver';
import { FakeIdCardReader } from './idcard/fake';
import { memoryPair } from './transport/memory';

const card = {
  name: '测试',
  genderCode: '1',
  nationCode: '01',
  birthDate: '1990-01-01',
  address: '广东省深圳市福田区',
  idNumber: '440304199001010012',
  issuer: '深圳市公安局福田分局',
  validFrom: '2020-01-01',
  validTo: '2040-01-01',
  photoWlt: '',
};

describe('fakes', () => {
  it('FakeIdCardReader plays its script, the last outcome repeating', async () => {
    const reader = new FakeIdCardReader(['NO_CARD', card]);
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'NO_CARD', message: '未检测到身份证,请将卡片放在读卡区' });
    await expect(reader.readCard({ waitForCardMs: 1000 })).resolves.toEqual(card);
    await expect(reader.readCard()).resolves.toEqual(card);
    expect(reader.calls).toHaveLength(3);
  });

  it('FakeFingerprintModule matches its own template only', async () => {
    const fp = new FakeFingerprintModule();
    const t = await fp.enroll();
    expect(await fp.verify(t)).toMatchObject({ match: true });
    expect(await fp.verify({ ...t, template: 'AAAA' })).toMatchObject({ match: false });
    fp.failNext = 'NO_FINGER';
    await expect(fp.enroll()).rejects.toBeInstanceOf(DeviceError);
  });
});

describe('SAM driver over the in-memory transport', () => {
  it('gives DISCONNECTED when the pair is unplugged while waiting for a reply', async () => {
    const pair = memoryPair();
    const reader = new SamIdCardReader(pair.host);
    const decoder = samStreamDecoder();
    pair.device.onData((bytes) => {
      for (const e of decoder.push(bytes)) {
        const req = e.ok ? requestOf(e.value) : undefined;
        if (req?.ok && req.value.cmd === 0x20 && req.value.para === 0x01) void pair.device.write(encodeReply(0x9f, new Uint8Array(4)));
        else pair.unplug(); // select: the cable goes
      }
    });
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(pair.host.written).toHaveLength(2);
  });
});
