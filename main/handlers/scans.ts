import type { ScanHandlers } from '../../domain/ipc/scans';
import type { ScanFolder } from '../scans/folder';

export function scanHandlers(folder: ScanFolder): { [K in keyof ScanHandlers]: ScanHandlers[K] } {
  return {
    'scans/list': () => folder.list(),
    'scans/read': (args) => folder.read(args?.name),
    'scans/remove': (args) => folder.remove(args?.name),
  };
}
