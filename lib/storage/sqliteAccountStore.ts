import Database from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  checkAuditEntry,
  checkAuditPage,
  checkFailureKey,
  checkNewUser,
  checkSecretName,
  checkSecretValue,
  checkTime,
  checkTokenHash,
  checkUserChange,
  lookupText,
  lookupUserId,
  usernameKey,
} from './accountInput';
import { accountQueries } from './accountQueries';
import { AccountStoreError, type AccountStore, type AuditAction, type AuditEntry, type NewAuditEntry, type NewUser, type Role, type User, type UserWithSecret } from './accountStore';
import { DATABASE_FILE, dataDirFromEnv, migrate } from './sqliteConnection';
import { MIGRATIONS } from './sqliteMigrations';

/**
 * The embedded account store: tables in the same SQLite file as the datasets
 * (`<dataDir>/datasets.sqlite`, schema migration 2), on a connection of its own, so that closing
 * either store leaves the other working.
 *
 * Why its own waiting for locks: SQLite has one writer at a time per file, and the dataset store
 * holds its write lock through a whole put (seconds for a large upload), yielding to the event
 * loop meanwhile. better-sqlite3's busy timeout waits synchronously, which would freeze the event
 * loop, so the put in the same process could not finish, and the login waiting for it would fail.
 * This connection therefore has no busy timeout: a busy database is retried after an async pause,
 * until `busyTimeoutMs` has passed. Each operation is one synchronous transaction, so this store
 * never holds the lock across an await and never makes anyone else wait long.
 *
 * Atomicity: every write that checks before it writes (the first user, the last admin) runs
 * inside BEGIN IMMEDIATE, which takes the file's write lock first: no other connection or process
 * can write between the check and the write.
 */

export interface SqliteAccountStoreOptions {
  /** The folder of the database file; created if missing. */
  dataDir: string;
  /** How long an operation keeps retrying while another connection or process holds the lock (ms). */
  busyTimeoutMs?: number;
}

interface UserRow {
  id: string;
  username: string;
  role: Role;
  created_at: string;
  password_hash: string;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: AuditAction;
  target: string | null;
  detail: string;
}

/** The statements, compiled for SQLite once (lib/storage/accountQueries.ts). */
const q = accountQueries('sqlite');
const latestVersion = MIGRATIONS[MIGRATIONS.length - 1].version;

const userOf = (r: UserRow): User => ({ id: r.id, username: r.username, role: r.role, createdAt: r.created_at });
const auditOf = (r: AuditRow): AuditEntry => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, target: r.target, detail: JSON.parse(r.detail) as Record<string, unknown> });

const isBusy = (e: unknown) => typeof (e as { code?: unknown })?.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test((e as { code: string }).code);
const isUniqueViolation = (e: unknown) => (e as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE' || (e as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
const isForeignKeyViolation = (e: unknown) => (e as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SqliteAccountStore implements AccountStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly busyTimeoutMs: number;
  private migrated = false;
  private readonly running = new Set<Promise<unknown>>();
  private readonly prepared = new Map<string, Database.Statement>();
  private closing = false;
  private closed: Promise<void> | null = null;

  constructor(options: SqliteAccountStoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.file = path.join(options.dataDir, DATABASE_FILE);
    this.busyTimeoutMs = options.busyTimeoutMs ?? 30_000;
    // timeout 0: never wait synchronously for a lock (see above); `attempt` retries instead.
    this.db = new Database(this.file, { timeout: 0 });
    try {
      this.db.pragma('synchronous = FULL');
      // The cascade from a user to their sessions needs this, per connection.
      this.db.pragma('foreign_keys = ON');
    } catch (e) {
      this.db.close();
      throw e;
    }
  }

  /**
   * Runs one synchronous step, retrying while the database is locked by someone else, after the
   * migrations (which are themselves such a step: they need the write lock only when the schema is
   * behind). close() waits for it.
   */
  private run<T>(step: () => T): Promise<T> {
    if (this.closing) return Promise.reject(new AccountStoreError('Closed', 'the account store is closed'));
    const task = (async () => {
      if (!this.migrated) {
        await this.attempt(() => this.migrateIfBehind());
        this.migrated = true;
      }
      return this.attempt(step);
    })();
    this.running.add(task);
    const forget = () => this.running.delete(task);
    task.then(forget, forget);
    return task;
  }

  private async attempt<T>(step: () => T): Promise<T> {
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
      try {
        return step();
      } catch (e) {
        if (!isBusy(e) || Date.now() >= deadline) throw e;
      }
      await pause(wait);
    }
  }

  private migrateIfBehind(): void {
    // WAL is recorded in the file; setting it needs the lock only the first time.
    if (String(this.db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') this.db.pragma('journal_mode = WAL');
    const hasVersions = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get() !== undefined;
    const current = hasVersions ? ((this.db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0) : 0;
    // Only take the write lock when there is something to do (or a newer schema to refuse).
    if (current !== latestVersion) migrate(this.db);
  }

  /** BEGIN IMMEDIATE ... COMMIT: the write lock is taken before the first read. */
  private writeTransaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** A compiled statement, prepared once per connection (the SQL text is the key). */
  private statement(query: CompiledQuery): Database.Statement {
    let prepared = this.prepared.get(query.sql);
    if (!prepared) {
      prepared = this.db.prepare(query.sql);
      this.prepared.set(query.sql, prepared);
    }
    return prepared;
  }

  private one<T>(query: CompiledQuery): T | undefined {
    return this.statement(query).get(...query.parameters) as T | undefined;
  }

  private all<T>(query: CompiledQuery): T[] {
    return this.statement(query).all(...query.parameters) as T[];
  }

  private exec(query: CompiledQuery): Database.RunResult {
    return this.statement(query).run(...query.parameters);
  }

  private count(query: CompiledQuery): number {
    return Number(this.one<{ n: number }>(query)!.n);
  }

  countUsers(): Promise<number> {
    return this.run(() => this.count(q.countUsers()));
  }

  createUser(input: NewUser, options: { onlyIfNoUsers?: boolean } = {}): Promise<User> {
    return this.checked(
      () => checkNewUser(input),
      (user) =>
        this.run(() =>
          this.writeTransaction(() => {
            if (options.onlyIfNoUsers && this.count(q.countUsers()) > 0) throw new AccountStoreError('NotFirstUser', 'a user exists already');
            try {
              const row = { id: randomUUID(), username: user.username, usernameKey: usernameKey(user.username), role: user.role, passwordHash: user.passwordHash, createdAt: new Date().toISOString() };
              return userOf(this.one<UserRow>(q.insertUser(row))!);
            } catch (e) {
              if (isUniqueViolation(e)) throw new AccountStoreError('UsernameTaken', `the username "${user.username}" is taken`);
              throw e;
            }
          }),
        ),
    );
  }

  userByUsername(username: string): Promise<UserWithSecret | null> {
    const name = lookupText(username);
    if (name === null) return this.run(() => null);
    return this.run(() => {
      const row = this.one<UserRow>(q.userByKey(usernameKey(name)));
      return row ? { ...userOf(row), passwordHash: row.password_hash } : null;
    });
  }

  userById(id: string): Promise<User | null> {
    const userId = lookupUserId(id);
    if (userId === null) return this.run(() => null);
    return this.run(() => {
      const row = this.one<UserRow>(q.userById(userId));
      return row ? userOf(row) : null;
    });
  }

  listUsers(): Promise<User[]> {
    return this.run(() => this.all<UserRow>(q.listUsers()).map(userOf));
  }

  updateUser(id: string, change: { role?: Role; passwordHash?: string }): Promise<User | null> {
    return this.checked(
      () => checkUserChange(change),
      (checked) => {
        const userId = lookupUserId(id);
        if (userId === null) return this.run(() => null);
        return this.run(() =>
          this.writeTransaction(() => {
            const row = this.one<UserRow>(q.userById(userId));
            if (!row) return null;
            if (row.role === 'admin' && checked.role !== undefined && checked.role !== 'admin') this.refuseIfLastAdmin('demote');
            return userOf(this.one<UserRow>(q.updateUser(userId, checked.role ?? row.role, checked.passwordHash ?? row.password_hash))!);
          }),
        );
      },
    );
  }

  deleteUser(id: string): Promise<boolean> {
    const userId = lookupUserId(id);
    if (userId === null) return this.run(() => false);
    return this.run(() =>
      this.writeTransaction(() => {
        const row = this.one<UserRow>(q.userById(userId));
        if (!row) return false;
        if (row.role === 'admin') this.refuseIfLastAdmin('delete');
        // Explicitly as well as by the foreign key's cascade: a connection opened without
        // foreign_keys = ON (the sqlite3 shell, say) must not leave sessions of a deleted user.
        this.exec(q.deleteSessionsOf(userId));
        this.exec(q.deleteUser(userId));
        return true;
      }),
    );
  }

  /** Inside a write transaction. */
  private refuseIfLastAdmin(what: 'demote' | 'delete') {
    if (this.count(q.countAdmins()) <= 1) throw new AccountStoreError('LastAdmin', `cannot ${what} the last admin`);
  }

  createSession(session: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
    return this.checked(
      () => {
        const tokenHash = checkTokenHash(session?.tokenHash);
        const expiresAt = checkTime(session.expiresAt, 'the session expiry');
        const userId = lookupUserId(session.userId);
        if (userId === null) throw new AccountStoreError('BadInput', 'no such user for the session');
        return { tokenHash, expiresAt, userId };
      },
      (s) =>
        this.run(() => {
          try {
            this.exec(q.insertSession(s.tokenHash, s.userId, s.expiresAt, Date.now()));
          } catch (e) {
            if (isForeignKeyViolation(e)) throw new AccountStoreError('BadInput', 'no such user for the session');
            if (isUniqueViolation(e)) throw new AccountStoreError('BadInput', 'a session with this token hash exists');
            throw e;
          }
        }),
    );
  }

  sessionUser(tokenHash: string, now: Date): Promise<User | null> {
    return this.checked(
      (): number => checkTime(now, 'now'),
      (at) => {
        const hash = lookupText(tokenHash);
        if (hash === null) return this.run(() => null);
        return this.run(() => {
          const row = this.one<UserRow>(q.sessionUser(hash, at));
          return row ? userOf(row) : null;
        });
      },
    );
  }

  deleteSession(tokenHash: string): Promise<void> {
    const hash = lookupText(tokenHash);
    if (hash === null) return this.run(() => undefined);
    return this.run(() => void this.exec(q.deleteSession(hash)));
  }

  deleteOtherSessions(userId: string, keepTokenHash: string): Promise<number> {
    const id = lookupUserId(userId);
    const keep = lookupText(keepTokenHash);
    if (id === null || keep === null) return this.run(() => 0);
    return this.run(() => this.exec(q.deleteOtherSessionsOf(id, keep)).changes);
  }

  deleteExpiredSessions(now: Date): Promise<number> {
    return this.checked(
      (): number => checkTime(now, 'now'),
      (at) => this.run(() => this.exec(q.deleteExpiredSessions(at)).changes),
    );
  }

  recordLoginFailure(key: string, at: Date): Promise<void> {
    return this.checked(
      (): [string, number] => [checkFailureKey(key), checkTime(at, 'the failure time')],
      ([failureKey, time]) => this.run(() => void this.exec(q.insertLoginFailure(failureKey, time))),
    );
  }

  countLoginFailures(key: string, since: Date): Promise<number> {
    return this.checked(
      (): number => checkTime(since, 'since'),
      (from) => {
        const failureKey = lookupText(key);
        if (failureKey === null) return this.run(() => 0);
        return this.run(() => this.count(q.countLoginFailures(failureKey, from)));
      },
    );
  }

  deleteLoginFailuresBefore(before: Date): Promise<number> {
    return this.checked(
      (): number => checkTime(before, 'before'),
      (until) => this.run(() => this.exec(q.deleteLoginFailuresBefore(until)).changes),
    );
  }

  clearLoginFailures(key: string): Promise<void> {
    const failureKey = lookupText(key);
    if (failureKey === null) return this.run(() => undefined);
    return this.run(() => void this.exec(q.clearLoginFailures(failureKey)));
  }

  appendAudit(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.checked(
      () => checkAuditEntry(entry),
      (row) => this.run(() => auditOf(this.one<AuditRow>(q.insertAudit(row, new Date().toISOString()))!)),
    );
  }

  listAudit(options?: { limit?: number; before?: number }): Promise<AuditEntry[]> {
    return this.checked(
      () => checkAuditPage(options),
      (page) => this.run(() => this.all<AuditRow>(q.listAudit(page.limit, page.before)).map(auditOf)),
    );
  }

  sharedSecret(name: string, candidate: string): Promise<string> {
    return this.checked(
      (): [string, string] => [checkSecretName(name), checkSecretValue(candidate)],
      ([secretName, value]) => {
        const read = () => this.one<{ value: string }>(q.secret(secretName))?.value;
        return this.run(() => {
          // Read first: once stored the value never changes, and a read needs no lock (a put in
          // progress holds the write lock). Otherwise the first value stored wins, in any process.
          const stored = read();
          if (stored !== undefined) return stored;
          this.exec(q.insertSecretIfNew(secretName, value));
          return read()!;
        });
      },
    );
  }

  /** Waits for operations under way, then closes this store's connection (not the dataset store's). */
  close(): Promise<void> {
    if (this.closed) return this.closed;
    this.closing = true;
    this.closed = (async () => {
      while (this.running.size) await Promise.allSettled([...this.running]);
      this.db.close();
    })();
    return this.closed;
  }

  /** Checks synchronously (open, valid input), so a refusal rejects before any work is queued. */
  private checked<I, T>(check: () => I, then: (input: I) => Promise<T>): Promise<T> {
    let input: I;
    try {
      this.assertOpen();
      input = check();
    } catch (e) {
      return Promise.reject(e);
    }
    return then(input);
  }

  private assertOpen() {
    if (this.closing) throw new AccountStoreError('Closed', 'the account store is closed');
  }
}

export function openSqliteAccountStore(options: Partial<SqliteAccountStoreOptions> = {}): SqliteAccountStore {
  return new SqliteAccountStore({ ...options, dataDir: options.dataDir ?? dataDirFromEnv() });
}
