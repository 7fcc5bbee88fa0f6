import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * A production server of its own, for tests that need a fresh or restarted one (first-time setup,
 * persistence across a restart) beside the shared test server of playwright.config.ts.
 */
const root = path.join(__dirname, '..', '..');

export interface OwnServer {
  base: string;
  process: ChildProcess;
}

export function startOwnServer(port: number, dataDir: string): OwnServer {
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  return { base: `http://127.0.0.1:${port}`, process: child };
}

export async function serverReady(base: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/datasets`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server on ${base} did not start within 60 s`);
}

export async function stopOwnServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.exitCode === null) server.kill('SIGKILL');
}
