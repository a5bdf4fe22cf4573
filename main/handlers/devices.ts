import type { DeviceHandlers } from '../../domain/ipc/devices';
import { listDevices } from '../../devices/list';
import type { DeviceService } from '../devices/service';

export function deviceHandlers(devices: DeviceService): { [K in keyof DeviceHandlers]: DeviceHandlers[K] } {
  return {
    async 'devices/status'() {
      return devices.status();
    },
    async 'devices/list'() {
      const found = await listDevices();
      return found.map((d) => ({ path: d.path, kind: d.kind, looksLike: d.looksLike }));
    },
    'devices/configure': ({ kind, port, baudRate }) => devices.configure(kind, port, baudRate),
    'devices/training': ({ enabled }) => devices.setTraining(enabled),
    'devices/test': ({ kind }) => devices.test(kind),
    'idcard/read': ({ waitForCardMs } = {}) => devices.readCard(Math.min(waitForCardMs ?? 5_000, 15_000)),
    'fingerprint/enroll': () => devices.enroll(),
    'fingerprint/verify': ({ template }) => devices.verify(template),
  };
}
