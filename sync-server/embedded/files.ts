// The data folder is private to the server's user: folders 0700, files 0600, including what an
// older version left readable; new files inherit it from the umask the server sets.
import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

export async function makePrivate(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  async function walk(p: string): Promise<void> {
    const st = await lstat(p);
    if (st.isSymbolicLink()) return;
    if (st.isDirectory()) {
      await chmod(p, 0o700);
      for (const entry of await readdir(p)) await walk(path.join(p, entry));
    } else if (st.isFile()) {
      await chmod(p, 0o600);
    }
  }
  await walk(dir);
}
