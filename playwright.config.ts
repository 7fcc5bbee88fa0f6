import { defineConfig, devices } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storageStatePath } from './e2e/support/paths';

// e2e runs against the production build on free loopback ports (scripts/test-all.sh picks the
// first). Each Playwright worker gets a server and a data folder of its own (port E2E_PORT + k,
// folder <root>/<k> for parallel index k), so no spec sees or deletes another worker's uploads and
// the workers can run side by side. One by default: on the 2-core CI machine two workers took
// 17.9 min against 19.3 for one (each worker runs a Chromium and a server) and timed out more often;
// E2E_WORKERS=N where there are cores to spare.
const WORKERS = Number(process.env.E2E_WORKERS ?? 1);
const firstPort = Number(process.env.E2E_PORT ?? 3100);
// The folders live in a throwaway root made fresh per run, never in the repo's .data. The config
// is evaluated again in each worker: they inherit the root through E2E_DATA_ROOT.
if (!process.env.E2E_DATA_ROOT) {
  const made = mkdtempSync(path.join(os.tmpdir(), `pad-e2e-${process.pid}-`));
  process.env.E2E_DATA_ROOT = made;
  // Only the process that made the root removes it, when the run ends (workers exit earlier).
  process.on('exit', () => rmSync(made, { recursive: true, force: true }));
}
const dataRoot = process.env.E2E_DATA_ROOT;
const serverDir = (k: number) => path.join(dataRoot, String(k));
for (let k = 0; k < WORKERS; k++) mkdirSync(serverDir(k), { recursive: true });
// In a worker, TEST_PARALLEL_INDEX says which server is its own; specs read E2E_DATA_DIR (through
// storageStatePath) for the signed-in states and the accounts kept there.
const own = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
process.env.E2E_DATA_DIR = serverDir(own);
const servers = Array.from({ length: WORKERS }, (_, k) => ({ port: firstPort + k, dir: serverDir(k) }));
process.env.E2E_SERVERS = JSON.stringify(servers);
const baseURL = `http://127.0.0.1:${firstPort + own}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: WORKERS,
  reporter: [['list']],
  use: {
    baseURL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    // Signs in once per role (e2e/auth.setup.ts); the specs run as the analyst unless they say otherwise.
    { name: 'accounts', testMatch: /auth\.setup\.ts$/ },
    { name: 'chromium', dependencies: ['accounts'], use: { ...devices['Desktop Chrome'], storageState: storageStatePath('analyst') } },
  ],
  // One server per worker; the test accounts are created in its folder first (e2e/support/seed.ts).
  webServer: servers.map(({ port, dir }) => ({
    command: `npx tsx e2e/support/seed.ts && npx next start -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 90_000,
    env: { NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: dir },
  })),
});
