// Set up before every e2e file: once the file's own afterAll hooks have closed its browsers and
// stopped its hosts (after-hooks run last-registered first), the temporary folders it made are
// removed — a full run otherwise leaves about 1 GB of browser profiles under /tmp.
import { afterAll } from 'vitest';
import { removeTempDirs } from './support';

afterAll(removeTempDirs);
