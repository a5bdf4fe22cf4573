import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{domain,main,renderer,devices,sync-server,cli,build}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
