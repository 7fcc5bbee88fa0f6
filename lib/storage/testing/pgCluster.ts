/**
 * A throwaway PostgreSQL cluster for tests and reliability scripts: `initdb` into a temporary
 * folder, `pg_ctl start` on 127.0.0.1 with a free port (no Unix socket, trust authentication), and
 * `stop()` shuts it down and removes the folder.
 *
 * Binaries: PG_BIN if set, else `initdb` on PATH, else the newest /usr/lib/postgresql/<n>/bin
 * (where Debian's `postgresql` package puts them; scripts/setup-test-env.sh installs it).
 *
 * Running as root: initdb and postgres refuse to run as root, so the cluster's commands run as an
 * unprivileged user through `runuser -u <user> --` (PG_CLUSTER_USER, default `postgres` if that
 * user exists, else `nobody`), and the temporary folder is handed to that user. Not root: the
 * commands run as the current user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  /** The superuser's URL of the `postgres` database. */
  url: string;
  port: number;
  dir: string;
  /** Creates a new empty UTF8 database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Runs one SQL statement on a database of the cluster (default: the postgres database). */
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[], url?: string): Promise<T[]>;
  stop(): Promise<void>;
}

export interface PgClusterOptions {
  /** Ports to try, inclusive (default 55400-55499). */
  ports?: [number, number];
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPgBin(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PG_BIN) return existsSync(path.join(env.PG_BIN, 'initdb')) ? env.PG_BIN : null;
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return path.dirname(onPath);
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

export const MISSING_POSTGRES_MESSAGE =
  'PostgreSQL binaries (initdb, pg_ctl) not found: install Debian\'s "postgresql" package (scripts/setup-test-env.sh does), or set PG_BIN to their folder. ' +
  'Set ALLOW_SKIP_POSTGRES_TESTS=1 to skip the PostgreSQL tests instead.';

function clusterUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  if (process.env.PG_CLUSTER_USER) return process.env.PG_CLUSTER_USER;
  return spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error(MISSING_POSTGRES_MESSAGE);
  const user = clusterUser();
  const run = (command: string, args: string[]) => {
    const [file, argv] = user ? ['runuser', ['-u', user, '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };

  const dir = mkdtempSync(path.join(tmpdir(), 'pg-cluster-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(e as { stderr?: string }).stderr ?? String(e)}`);
  }

  const [low, high] = options.ports ?? [55400, 55499];
  const candidates = Array.from({ length: high - low + 1 }, (_, i) => low + i).sort(() => Math.random() - 0.5);
  let port = 0;
  let lastError = '';
  for (const candidate of candidates.slice(0, 15)) {
    if (!(await portIsFree(candidate))) continue;
    try {
      // fsync off: a test cluster need not survive a power cut, and it makes every commit cheaper.
      // The app process is what the crash tests kill, never this server.
      const settings = `-p ${candidate} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=200`;
      run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', settings, 'start']);
      port = candidate;
      break;
    } catch (e) {
      lastError = `${(e as { stderr?: string }).stderr ?? ''}\n${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''}`;
    }
  }
  if (!port) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL on a free port in ${low}-${high}: ${lastError}`);
  }

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // If the test process ends without calling stop(), do not leave a server running.
  process.once('exit', stopNow);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  const cluster: PgCluster = {
    url,
    port,
    dir,
    async sql(text, params, target = url) {
      const client = new pg.Client({ connectionString: target });
      await client.connect();
      try {
        return (await client.query(text, params)).rows;
      } finally {
        await client.end();
      }
    },
    async createDatabase(name = `test_${process.pid}_${++databases}`) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      await cluster.sql(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      process.removeListener('exit', stopNow);
      stopNow();
    },
  };
  return cluster;
}
