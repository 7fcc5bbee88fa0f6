/**
 * What the reliability scripts share: starting and killing `next start` servers (the production
 * build), generating study-G-shaped CSVs, and checksums of a dataset's rows read straight from the
 * database, bypassing the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseCsv } from '../../lib/survey/dataset';
import type { DatasetStore } from '../../lib/storage/datasetStore';
import { openAccountStoreFromEnv, openStoreFromEnv } from '../../lib/storage/storeFromEnv';
import { AccountError, createAccount } from '../../lib/auth/accounts';

export const root = path.resolve(__dirname, '../..');

/** Ports this project's reliability servers may use (RELIABILITY_PORTS=low-high to change). */
const [PORT_LOW, PORT_HIGH] = (process.env.RELIABILITY_PORTS ?? '3120-3139').split('-').map(Number);

/** A free loopback port in the allowed range, tried from a random start (parallel runs rarely collide). */
export async function freePort(): Promise<number> {
  const isFree = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  const span = PORT_HIGH - PORT_LOW + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = PORT_LOW + ((start + i) % span);
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${PORT_LOW}-${PORT_HIGH} (RELIABILITY_PORTS)`);
}

export interface Backend {
  /** "SQLite" or "PostgreSQL" */
  name: string;
  /** Environment for a server (and for opening the store in this process). */
  env: Record<string, string>;
}

export interface Server {
  url: string;
  /** The Cookie header of the reliability analyst's session on this server (uploads need the analyst role). */
  cookie: string;
  port: number;
  process: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  /** SIGKILL to the server's whole process group: a crash, no clean-up. */
  kill(): Promise<void>;
  /** SIGSTOP to the whole group: the server stops where it is (it can neither commit nor roll back) until resume(). */
  freeze(): void;
  /** SIGCONT: a frozen server goes on. */
  resume(): void;
  /** SIGTERM, then waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts `next start` on 127.0.0.1 (needs `npm run build` first) and waits until it answers. */
export async function startServer(backend: Backend, port?: number): Promise<Server> {
  await seedAnalyst(backend);
  const p = port ?? (await freePort());
  const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
  let output = '';
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(p), '-H', '127.0.0.1'], {
    cwd: root,
    // Its own process group, so a kill reaches every process the server started.
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: '', DATABASE_URL: '', ...backend.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${p}`;
  const server: Server = {
    url,
    cookie: '',
    port: p,
    process: child,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
    freeze() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGSTOP');
    },
    resume() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGCONT');
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) await server.kill();
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server on port ${p} exited (${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      const res = await fetch(`${url}/api/datasets`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`the server on port ${p} did not answer within 60 s:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.cookie = await signIn(url);
  sessions.set(url, server.cookie);
  return server;
}

/** The account the scripts upload as, created in the backend's database with the product's own rules. */
const ANALYST = { username: 'reliability-analyst', password: 'reliability analyst password', role: 'analyst' };
/** Cookie header per server URL, so that helpers taking a URL send the session along. */
const sessions = new Map<string, string>();

async function seedAnalyst(backend: Backend): Promise<void> {
  const store = openAccountStoreFromEnv({ ...process.env, DATA_DIR: '', DATABASE_URL: '', ...backend.env });
  try {
    await createAccount(store, null, ANALYST).catch((e: unknown) => {
      if (!(e instanceof AccountError && e.code === 'UsernameTaken')) throw e;
    });
  } finally {
    await store.close();
  }
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ANALYST) });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pad_session='));
  if (!res.ok || !cookie) throw new Error(`signing in to ${url} failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0];
}

/** Headers carrying the session of the server at `url` (signed in by startServer). */
export const authHeaders = (url: string): Record<string, string> => {
  const cookie = sessions.get(url);
  return cookie ? { cookie } : {};
};

/** Stops the servers when this script is interrupted, so none is left running. */
export function stopOnExit(servers: () => Server[], more: () => Promise<void> = async () => undefined): void {
  const handler = async () => {
    await Promise.allSettled(servers().map((s) => s.kill()));
    await more().catch(() => undefined);
    process.exit(130);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

const studyG = parseCsv(readFileSync(path.join(root, 'data/study-g.csv'), 'utf8'));
export const studyGHeader = studyG.header;

/** A small seeded generator (mulberry32): the same seed gives the same CSV. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Study-G-shaped rows: reference rows drawn at random (seeded), respondent ids `<prefix><n>`. */
export function studyGRows(count: number, seed: number, prefix: string): string[][] {
  const next = random(seed);
  const rows = new Array<string[]>(count);
  for (let i = 0; i < count; i++) {
    const row = studyG.rows[Math.floor(next() * studyG.rows.length)].slice();
    row[0] = `${prefix}${i + 1}`;
    rows[i] = row;
  }
  return rows;
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** RFC 4180 CSV with the study-G header (quotes only where needed; papaparse's unparse is slow at 400k rows). */
export const toCsv = (rows: string[][]): string => [studyGHeader, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';

export const rowsChecksum = (rows: string[][]): string => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

/** Opens the store the servers use, in this process, to read datasets straight from the database. */
export function openStore(backend: Backend): DatasetStore {
  return openStoreFromEnv({ ...backend.env } as unknown as NodeJS.ProcessEnv);
}

/** Reads every upload straight from the database: id -> { name, respondents, checksum of rows }. */
export async function checksumsFromDatabase(backend: Backend): Promise<Map<string, { name: string; respondents: number; checksum: string }>> {
  const store = openStore(backend);
  try {
    const out = new Map<string, { name: string; respondents: number; checksum: string }>();
    for (const d of await store.list()) {
      const stored = await store.get(d.id);
      if (!stored) throw new Error(`dataset ${d.id} listed but not readable`);
      out.set(d.id, { name: d.name, respondents: d.respondents, checksum: rowsChecksum(stored.rows) });
    }
    return out;
  } finally {
    await store.close();
  }
}

/** The dataset ids of every upload in the backend's audit log made by the reliability analyst. */
export async function auditedUploads(backend: Backend): Promise<Set<string>> {
  const store = openAccountStoreFromEnv({ ...process.env, DATA_DIR: '', DATABASE_URL: '', ...backend.env });
  try {
    const entries = await store.listAudit({ limit: 1000 });
    return new Set(entries.filter((e) => e.action === 'dataset.upload' && e.actor === ANALYST.username && e.target).map((e) => e.target!));
  } finally {
    await store.close();
  }
}

/** POSTs a CSV as a multipart upload; returns the status and JSON body. */
export async function upload(url: string, csv: string, name: string): Promise<{ status: number; body: { dataset?: { id: string; respondents: number; name: string }; error?: unknown } }> {
  const form = new FormData();
  form.set('file', new Blob([csv], { type: 'text/csv' }), `${name}.csv`);
  form.set('name', name);
  const res = await fetch(`${url}/api/datasets`, { method: 'POST', body: form, headers: authHeaders(url) });
  return { status: res.status, body: await res.json() };
}

export async function listUploads(url: string): Promise<{ id: string; name: string; respondents: number; reference: boolean }[]> {
  const res = await fetch(`${url}/api/datasets`, { headers: authHeaders(url) });
  if (!res.ok) throw new Error(`GET ${url}/api/datasets: ${res.status}`);
  const body = (await res.json()) as { datasets: { id: string; name: string; respondents: number; reference: boolean }[] };
  return body.datasets.filter((d) => !d.reference);
}

/** Prints a line and remembers whether anything failed. */
export class Report {
  failures: string[] = [];
  ok(message: string) {
    console.log(`  ok    ${message}`);
  }
  fail(message: string) {
    this.failures.push(message);
    console.log(`  FAIL  ${message}`);
  }
  check(condition: boolean, message: string, detail = '') {
    if (condition) this.ok(message);
    else this.fail(detail ? `${message}: ${detail}` : message);
  }
}
