/**
 * npm run reliability:crash (after npm run build)
 *
 * For each backend (SQLite in a fresh DATA_DIR; PostgreSQL in a fresh database on a throwaway
 * cluster): start the server, store 3 datasets, record the checksums of their rows read straight
 * from the database, start a large upload (400,000 rows, CRASH_ROWS to change) and SIGKILL the
 * server while the database is writing it, then restart the server and check:
 *   - no partial dataset: the large upload is not listed, no stored row belongs to no dataset, and
 *     every dataset has exactly as many stored rows as respondents;
 *   - the 3 earlier datasets are listed, identical (same checksums) and served;
 *   - the restarted server accepts a new upload.
 * "While the database is writing it" is observed, not guessed. A sign that it is (SQLite: the WAL
 * file growing; PostgreSQL: the server's own progress report of the COPY, pg_stat_progress_copy)
 * makes the script freeze the server (SIGSTOP), so that it can no longer commit, and check that
 * the transaction is still open: SQLite's write lock is held and the dataset is not visible;
 * PostgreSQL's COPY is still open. Only then comes SIGKILL. A sign seen too late (the upload had
 * committed by the time the server stopped: a busy machine delays the polling) is no crash test:
 * the server goes on, the stored upload is deleted and the upload starts again, at most
 * ATTEMPTS times. Prints what it found; exits 1 on any loss or partial dataset.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE_FILE } from '../../lib/storage/sqliteConnection';
import { startPgCluster, type PgCluster } from '../../lib/storage/testing/pgCluster';
import { checksumsFromDatabase, listUploads, Report, startServer, stopOnExit, studyGRows, toCsv, upload, type Backend, type Server } from './harness';

const LARGE_ROWS = Number(process.env.CRASH_ROWS ?? 400_000);
/** Uploads started before the script gives up catching one while it is written. */
const ATTEMPTS = 4;

interface Target {
  backend: Backend;
  /** Resolves with a description once the database shows signs of writing the large upload. */
  writing(signal: AbortSignal): Promise<string>;
  /** With the server frozen: what shows that the upload named `name` is still uncommitted, or null if it is not (it committed). */
  uncommitted(name: string): Promise<string | null>;
  /** Raw problems in the database: orphaned rows, row counts that differ from respondents, integrity. */
  problems(): Promise<string[]>;
}

function sqliteTarget(dataDir: string): Target {
  const file = path.join(dataDir, DATABASE_FILE);
  const walSize = () => {
    try {
      return statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  };
  let before = 0;
  return {
    backend: { name: 'SQLite', env: { DATA_DIR: dataDir } },
    async writing(signal) {
      // The WAL file keeps its length after a checkpoint and is written over from its start, so it
      // grows only once a write outruns the last one; a checkpoint that truncates it (before the
      // upload starts, with the server idle) makes any growth this upload's.
      const db = new Database(file);
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      before = walSize();
      while (!signal.aborted) {
        const grown = walSize() - before;
        if (grown > 500_000) return `the WAL file had grown by ${(grown / 1e6).toFixed(1)} MB`;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('aborted');
    },
    async uncommitted(name) {
      const db = new Database(file, { timeout: 0 });
      try {
        const visible = (db.prepare('SELECT count(*) AS n FROM datasets WHERE name = ?').get(name) as { n: number }).n;
        if (visible) return null;
        try {
          db.exec('BEGIN IMMEDIATE');
          db.exec('ROLLBACK');
          return null; // nobody holds the write lock: the server is not inside a write
        } catch (e) {
          if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
        }
        return `its transaction was open (the write lock held, the dataset not visible to readers) with the WAL file ${(walSize() / 1e6).toFixed(1)} MB long`;
      } finally {
        db.close();
      }
    },
    async problems() {
      const db = new Database(file, { readonly: true });
      try {
        const out: string[] = [];
        const check = db.pragma('integrity_check', { simple: true });
        if (check !== 'ok') out.push(`integrity_check: ${String(check)}`);
        const orphans = (db.prepare('SELECT count(*) AS n FROM dataset_chunks WHERE dataset_id NOT IN (SELECT id FROM datasets)').get() as { n: number }).n;
        if (orphans) out.push(`${orphans} row chunks belong to no dataset`);
        for (const c of db
          .prepare('SELECT d.name, d.respondents, coalesce(sum(c.row_count), 0) AS stored FROM datasets d LEFT JOIN dataset_chunks c ON c.dataset_id = d.id GROUP BY d.id')
          .all() as { name: string; respondents: number; stored: number }[])
          if (c.respondents !== c.stored) out.push(`${c.name}: ${c.stored} rows stored, ${c.respondents} respondents`);
        return out;
      } finally {
        db.close();
      }
    },
  };
}

function postgresTarget(cluster: PgCluster, url: string): Target {
  return {
    backend: { name: 'PostgreSQL', env: { DATABASE_URL: url } },
    async writing(signal) {
      while (!signal.aborted) {
        const rows = await cluster.sql<{ n: string }>("SELECT coalesce(max(tuples_processed), 0) AS n FROM pg_stat_progress_copy WHERE datname = current_database()", [], url);
        const n = Number(rows[0].n);
        if (n >= LARGE_ROWS / 4) return `PostgreSQL had received ${n.toLocaleString('en')} rows of the COPY (pg_stat_progress_copy)`;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('aborted');
    },
    async uncommitted(name) {
      // Rows already on their way still reach PostgreSQL; what matters is that the COPY, and with it the transaction, stays open.
      await new Promise((r) => setTimeout(r, 200));
      const visible = await cluster.sql<{ n: string }>('SELECT count(*) AS n FROM datasets WHERE name = $1', [name], url);
      if (Number(visible[0].n)) return null;
      const copy = await cluster.sql<{ n: string }>('SELECT tuples_processed AS n FROM pg_stat_progress_copy WHERE datname = current_database()', [], url);
      if (copy.length === 0) return null;
      return `its COPY was still open 200 ms later (${Number(copy[0].n).toLocaleString('en')} rows received, the dataset not visible)`;
    },
    async problems() {
      const out: string[] = [];
      const orphans = await cluster.sql<{ n: string }>('SELECT count(*) AS n FROM dataset_rows WHERE dataset_id NOT IN (SELECT id FROM datasets)', [], url);
      if (Number(orphans[0].n)) out.push(`${orphans[0].n} rows belong to no dataset`);
      const counts = await cluster.sql<{ name: string; respondents: number; stored: string }>(
        'SELECT d.name, d.respondents, count(r.row_no) AS stored FROM datasets d LEFT JOIN dataset_rows r ON r.dataset_id = d.id GROUP BY d.id',
        [],
        url,
      );
      for (const c of counts) if (Number(c.stored) !== c.respondents) out.push(`${c.name}: ${c.stored} rows stored, ${c.respondents} respondents`);
      // The killed server's connection must be gone, its transaction rolled back.
      const open = await cluster.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'", [], url);
      if (open.length) out.push(`${open.length} connection(s) still idle in a transaction`);
      return out;
    },
  };
}

/**
 * Starts the large upload and SIGKILLs the server once it is frozen inside the upload's transaction;
 * returns what showed that. An upload that committed first is deleted and started again.
 */
async function killInsideUpload(target: Target, server: Server, largeCsv: string): Promise<string> {
  const name = `${target.backend.name} large (killed)`;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const stopWatching = new AbortController();
    const started = performance.now();
    // Watching starts before the upload: it marks where the database stands before any row is sent.
    const watching = target.writing(stopWatching.signal);
    const uploading = upload(server.url, largeCsv, name).then(
      (r) => ({ status: r.status, id: r.body.dataset?.id, detail: JSON.stringify(r.body).slice(0, 200) }),
      (e: unknown) => ({ status: 0, id: undefined, detail: e instanceof Error ? `${e.message} ${String(e.cause ?? '')}` : String(e) }),
    );
    const sign = await Promise.race([watching, uploading.then(() => null)]);
    stopWatching.abort();
    let evidence: string | null = null;
    if (sign) {
      server.freeze();
      evidence = await target.uncommitted(name);
    }
    if (evidence) {
      await server.kill();
      await uploading;
      return `killed the server with SIGKILL ${((performance.now() - started) / 1000).toFixed(1)} s into the upload (attempt ${attempt}): ${sign}; frozen, ${evidence}`;
    }
    // Too late: the upload committed before the server stopped. Let it finish, remove it, start again.
    server.resume();
    const done = await uploading;
    if (done.status !== 201 || !done.id) throw new Error(`the large upload failed before the database took its rows (${done.status} ${done.detail}); server output: ${server.output().slice(-1500)}`);
    const del = await fetch(`${server.url}/api/datasets/${done.id}`, { method: 'DELETE', headers: { cookie: server.cookie } });
    if (del.status !== 204 && del.status !== 200) throw new Error(`deleting the committed large upload: ${del.status}`);
    console.log(`  (attempt ${attempt}: ${sign ? `${sign}, but by the time the server was frozen the upload had committed` : 'the upload finished before any sign of writing was seen'}; deleted it, starting again)`);
  }
  throw new Error(`in ${ATTEMPTS} attempts the server was never frozen while the upload's transaction was open`);
}

async function crashScenario(target: Target, largeCsv: string, report: Report, servers: Server[]): Promise<void> {
  const { backend } = target;
  console.log(`\n== ${backend.name}: SIGKILL during a ${LARGE_ROWS.toLocaleString('en')}-row upload`);
  let server = await startServer(backend);
  servers.push(server);

  const earlier: { id: string; name: string }[] = [];
  for (const [i, size] of [800, 2_500, 6_000].entries()) {
    const name = `${backend.name} earlier #${i + 1}`;
    const res = await upload(server.url, toCsv(studyGRows(size, 50 + i, `e${i}-`)), name);
    if (res.status !== 201 || !res.body.dataset) throw new Error(`storing ${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    earlier.push({ id: res.body.dataset.id, name });
  }
  const before = await checksumsFromDatabase(backend);
  console.log(`  stored 3 datasets; checksums of their rows, read from the database:`);
  for (const e of earlier) console.log(`    ${e.name}: ${before.get(e.id)?.respondents} rows, sha256 ${before.get(e.id)?.checksum.slice(0, 16)}…`);

  report.ok(await killInsideUpload(target, server, largeCsv));

  server = await startServer(backend, server.port);
  servers.push(server);
  const listed = await listUploads(server.url);
  report.check(
    listed.length === 3 && earlier.every((e) => listed.some((d) => d.id === e.id)),
    `after restart: exactly the 3 earlier datasets are listed, no partial one`,
    `listed: ${listed.map((d) => `${d.name} (${d.respondents})`).join(', ')}`,
  );
  const after = await checksumsFromDatabase(backend);
  const changed = earlier.filter((e) => after.get(e.id)?.checksum !== before.get(e.id)?.checksum);
  report.check(changed.length === 0 && after.size === 3, `the 3 earlier datasets are identical (row checksums from the database before = after)`, changed.map((e) => e.name).join(', '));
  const problems = await target.problems();
  report.check(problems.length === 0, `the database holds no rows of the killed upload, and every dataset's stored rows = its respondents`, problems.join('; '));
  const served = await Promise.all(earlier.map((e) => fetch(`${server.url}/api/datasets/${e.id}/acceptance?by=country`, { headers: { cookie: server.cookie } }).then((r) => r.status)));
  report.check(served.every((s) => s === 200), `the restarted server serves each earlier dataset's acceptance table (${served.join(', ')})`);
  const next = await upload(server.url, toCsv(studyGRows(500, 99, 'n-')), `${backend.name} after the crash`);
  report.check(next.status === 201 && next.body.dataset?.respondents === 500, `the restarted server stores a new upload (${next.status})`);
  await server.stop();
}

async function main() {
  const report = new Report();
  const servers: Server[] = [];
  let cluster: PgCluster | null = null;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'reliability-crash-'));
  stopOnExit(
    () => servers,
    async () => {
      await cluster?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
  const t = performance.now();
  const largeCsv = toCsv(studyGRows(LARGE_ROWS, 7, 'big-'));
  console.log(`large upload: ${LARGE_ROWS.toLocaleString('en')} rows, ${(Buffer.byteLength(largeCsv) / 1e6).toFixed(1)} MB CSV (made in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  try {
    // CRASH_BACKENDS=sqlite or =postgres runs one of them only.
    const only = process.env.CRASH_BACKENDS?.toLowerCase();
    if (!only || only.includes('sqlite')) await crashScenario(sqliteTarget(dataDir), largeCsv, report, servers);
    if (only && !only.includes('postgres')) return;
    cluster = await startPgCluster();
    console.log(`\n(throwaway PostgreSQL cluster on 127.0.0.1:${cluster.port})`);
    await crashScenario(postgresTarget(cluster, await cluster.createDatabase('reliability_crash')), largeCsv, report, servers);
  } catch (e) {
    report.fail(`the run stopped: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await Promise.allSettled(servers.map((s) => s.kill()));
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(report.failures.length ? `\nFAILED: ${report.failures.length} problem(s)` : '\nNothing lost: no partial dataset, every earlier dataset intact, on both backends.');
  process.exit(report.failures.length ? 1 : 0);
}

void main();
