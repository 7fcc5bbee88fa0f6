import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storageStatePath } from './e2e/support/paths';

// e2e runs against the production build on a free loopback port (scripts/test-all.sh picks it).
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The server stores uploads in a throwaway folder made fresh per run, never in the repo's .data.
// The config is evaluated again in each worker: they inherit the folder through E2E_DATA_DIR.
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), `pad-e2e-${process.pid}-`));
  // Only the process that made the folder removes it, when the run ends (workers exit earlier).
  const made = process.env.E2E_DATA_DIR;
  process.on('exit', () => rmSync(made, { recursive: true, force: true }));
}
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
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
  webServer: {
    // The test accounts are created in the throwaway DATA_DIR first (e2e/support/seed.ts).
    command: `npx tsx e2e/support/seed.ts && npx next start -H 127.0.0.1 -p ${port}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: dataDir },
  },
});
