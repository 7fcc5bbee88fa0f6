import Database from 'better-sqlite3';
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
  usernameKey,
} from './accountInput';
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

const USER_COLUMNS = 'id, username, role, created_at, password_hash';
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

  countUsers(): Promise<number> {
    return this.run(() => (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n);
  }

  createUser(input: NewUser, options: { onlyIfNoUsers?: boolean } = {}): Promise<User> {
    return this.checked(
      () => checkNewUser(input),
      (user) => {
        const created: User = { id: randomUUID(), username: user.username, role: user.role, createdAt: new Date().toISOString() };
        return this.run(() =>
          this.writeTransaction(() => {
            if (options.onlyIfNoUsers && (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n > 0)
              throw new AccountStoreError('NotFirstUser', 'a user exists already');
            try {
              this.db
                .prepare('INSERT INTO users (id, username, username_key, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
                .run(created.id, created.username, usernameKey(created.username), created.role, user.passwordHash, created.createdAt);
            } catch (e) {
              if (isUniqueViolation(e)) throw new AccountStoreError('UsernameTaken', `the username "${user.username}" is taken`);
              throw e;
            }
            return created;
          }),
        );
      },
    );
  }

  userByUsername(username: string): Promise<UserWithSecret | null> {
    if (typeof username !== 'string') return this.run(() => null);
    return this.run(() => {
      const row = this.db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE username_key = ?`).get(usernameKey(username)) as UserRow | undefined;
      return row ? { ...userOf(row), passwordHash: row.password_hash } : null;
    });
  }

  userById(id: string): Promise<User | null> {
    return this.run(() => {
      const row = this.db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(String(id)) as UserRow | undefined;
      return row ? userOf(row) : null;
    });
  }

  listUsers(): Promise<User[]> {
    return this.run(() => (this.db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY username_key, username, id`).all() as UserRow[]).map(userOf));
  }

  updateUser(id: string, change: { role?: Role; passwordHash?: string }): Promise<User | null> {
    return this.checked(
      () => checkUserChange(change),
      (checked) =>
        this.run(() =>
          this.writeTransaction(() => {
            const row = this.db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(String(id)) as UserRow | undefined;
            if (!row) return null;
            if (row.role === 'admin' && checked.role !== undefined && checked.role !== 'admin') this.refuseIfLastAdmin('demote');
            const role = checked.role ?? row.role;
            const hash = checked.passwordHash ?? row.password_hash;
            this.db.prepare('UPDATE users SET role = ?, password_hash = ? WHERE id = ?').run(role, hash, row.id);
            return userOf({ ...row, role });
          }),
        ),
    );
  }

  deleteUser(id: string): Promise<boolean> {
    return this.run(() =>
      this.writeTransaction(() => {
        const row = this.db.prepare('SELECT role FROM users WHERE id = ?').get(String(id)) as { role: Role } | undefined;
        if (!row) return false;
        if (row.role === 'admin') this.refuseIfLastAdmin('delete');
        // Explicitly as well as by the foreign key's cascade: a connection opened without
        // foreign_keys = ON (the sqlite3 shell, say) must not leave sessions of a deleted user.
        this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(String(id));
        this.db.prepare('DELETE FROM users WHERE id = ?').run(String(id));
        return true;
      }),
    );
  }

  /** Inside a write transaction. */
  private refuseIfLastAdmin(what: 'demote' | 'delete') {
    const admins = (this.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin'").get() as { n: number }).n;
    if (admins <= 1) throw new AccountStoreError('LastAdmin', `cannot ${what} the last admin`);
  }

  createSession(session: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
    return this.checked(
      (): [string, number] => [checkTokenHash(session?.tokenHash), checkTime(session.expiresAt, 'the session expiry')],
      ([tokenHash, expiresAt]) =>
        this.run(() => {
          try {
            this.db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(tokenHash, String(session.userId), Date.now(), expiresAt);
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
      (at) =>
        this.run(() => {
          if (typeof tokenHash !== 'string') return null;
          const row = this.db
            .prepare('SELECT u.id, u.username, u.role, u.created_at, u.password_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?')
            .get(tokenHash, at) as UserRow | undefined;
          return row ? userOf(row) : null;
        }),
    );
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.run(() => void this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(String(tokenHash)));
  }

  deleteExpiredSessions(now: Date): Promise<number> {
    return this.checked(
      (): number => checkTime(now, 'now'),
      (at) => this.run(() => this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(at).changes),
    );
  }

  recordLoginFailure(key: string, at: Date): Promise<void> {
    return this.checked(
      (): [string, number] => [checkFailureKey(key), checkTime(at, 'the failure time')],
      (checked) => this.run(() => void this.db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)').run(...checked)),
    );
  }

  countLoginFailures(key: string, since: Date): Promise<number> {
    return this.checked(
      (): number => checkTime(since, 'since'),
      (from) => this.run(() => (this.db.prepare('SELECT count(*) AS n FROM login_failures WHERE key = ? AND at >= ?').get(String(key), from) as { n: number }).n),
    );
  }

  deleteLoginFailuresBefore(before: Date): Promise<number> {
    return this.checked(
      (): number => checkTime(before, 'before'),
      (until) => this.run(() => this.db.prepare('DELETE FROM login_failures WHERE at < ?').run(until).changes),
    );
  }

  clearLoginFailures(key: string): Promise<void> {
    return this.run(() => void this.db.prepare('DELETE FROM login_failures WHERE key = ?').run(String(key)));
  }

  appendAudit(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.checked(
      () => checkAuditEntry(entry),
      (row) =>
        this.run(() => {
          const at = new Date().toISOString();
          const id = Number(this.db.prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)').run(at, row.actor, row.action, row.target, row.detail).lastInsertRowid);
          return auditOf({ id, at, ...row });
        }),
    );
  }

  listAudit(options?: { limit?: number; before?: number }): Promise<AuditEntry[]> {
    return this.checked(
      () => checkAuditPage(options),
      (page) =>
        this.run(() => {
          const rows =
            page.before === null
              ? this.db.prepare('SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?').all(page.limit)
              : this.db.prepare('SELECT id, at, actor, action, target, detail FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?').all(page.before, page.limit);
          return (rows as AuditRow[]).map(auditOf);
        }),
    );
  }

  sharedSecret(name: string, candidate: string): Promise<string> {
    return this.checked(
      (): [string, string] => [checkSecretName(name), checkSecretValue(candidate)],
      (checked) => {
        const read = () => (this.db.prepare('SELECT value FROM shared_secrets WHERE name = ?').get(checked[0]) as { value: string } | undefined)?.value;
        return this.run(() => {
          // Read first: once stored the value never changes, and a read needs no lock (a put in
          // progress holds the write lock). Otherwise the first value stored wins, in any process.
          const stored = read();
          if (stored !== undefined) return stored;
          this.db.prepare('INSERT INTO shared_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(...checked);
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
