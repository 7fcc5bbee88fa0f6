import { defineConfig } from 'vitest/config';
import os from 'node:os';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'data/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // One test file per core. Vitest's default leaves a core free (cores - 1: one worker on the 2-core
    // CI machine), but many files here wait on PostgreSQL, SQLite or child processes rather than
    // compute: on a 2-core machine, 2 workers ran the suite in 141 s against 195 s for one.
    maxWorkers: os.availableParallelism(),
  },
});
