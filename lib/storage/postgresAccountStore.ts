import { randomUUID } from 'node:crypto';
import pg from 'pg';
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
import { preparePostgres, type PostgresStoreOptions } from './postgresConnection';
import { MigratedPool } from './postgresPool';
import { UUID_PATTERN } from './ids';

/**
 * The server-database account store: tables in the same PostgreSQL database as the datasets
 * (schema migration 2), shared by every app instance, so that they share users, sessions and one
 * audit log. It has a pool of its own (closing it leaves the dataset store working) and, like the
 * dataset store, connects lazily and migrates before its first operation, under the shared
 * migration lock.
 *
 * Atomicity: the writes that check before they write (the first user, the last admin) run in one
 * transaction that first takes `LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`. That mode conflicts
 * with itself and with every INSERT, UPDATE and DELETE on users (not with reads), so the check and
 * the write see no concurrent change, whichever instance makes it; under READ COMMITTED each
 * statement after the lock sees every transaction committed before it.
 */

/** Most connections by default: account operations are small and quick. */
const DEFAULT_MAX_CONNECTIONS = 5;

interface UserRow {
  id: string;
  username: string;
  role: Role;
  created_at: Date;
  password_hash: string;
}

interface AuditRow {
  id: string; // bigint comes back as text
  at: Date;
  actor: string | null;
  action: AuditAction;
  target: string | null;
  detail: string;
}

const USER_COLUMNS = 'id, username, role, created_at, password_hash';

const userOf = (r: UserRow): User => ({ id: r.id, username: r.username, role: r.role, createdAt: r.created_at.toISOString() });
const auditOf = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: r.at.toISOString(),
  actor: r.actor,
  action: r.action,
  target: r.target,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
});

/** PostgreSQL's SQLSTATE of a failed statement, and which constraint. */
const sqlState = (e: unknown) => (e as { code?: string })?.code;
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

export class PostgresAccountStore implements AccountStore {
  private readonly pool: MigratedPool;

  constructor(options: PostgresStoreOptions) {
    this.pool = new MigratedPool({
      connectionString: options.connectionString,
      maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
      prepare: preparePostgres,
      closedError: () => new AccountStoreError('Closed', 'the account store is closed'),
      // A refusal leaves the connection clean (rolled back); anything else may not have.
      leavesConnectionClean: (e) => e instanceof AccountStoreError,
    });
  }

  private run<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.pool.run(work);
  }

  /** One transaction; with `lockUsers`, holding the users table against every other write to it. */
  private transaction<T>(lockUsers: boolean, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.run(async (client) => {
      await client.query('BEGIN');
      try {
        if (lockUsers) await client.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  /** Checks synchronously, so a refusal rejects before any connection is made. */
  private checked<I, T>(check: () => I, then: (input: I) => Promise<T>): Promise<T> {
    let input: I;
    try {
      if (this.pool.closing) throw new AccountStoreError('Closed', 'the account store is closed');
      input = check();
    } catch (e) {
      return Promise.reject(e);
    }
    return then(input);
  }

  countUsers(): Promise<number> {
    return this.run(async (client) => Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0].n));
  }

  createUser(input: NewUser, options: { onlyIfNoUsers?: boolean } = {}): Promise<User> {
    return this.checked(
      () => checkNewUser(input),
      (user) =>
        this.transaction(Boolean(options.onlyIfNoUsers), async (client) => {
          if (options.onlyIfNoUsers && (await client.query('SELECT 1 FROM users LIMIT 1')).rowCount) throw new AccountStoreError('NotFirstUser', 'a user exists already');
          try {
            const row = (
              await client.query<UserRow>(
                `INSERT INTO users (id, username, username_key, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${USER_COLUMNS}`,
                [randomUUID(), user.username, usernameKey(user.username), user.role, user.passwordHash],
              )
            ).rows[0];
            return userOf(row);
          } catch (e) {
            if (sqlState(e) === UNIQUE_VIOLATION) throw new AccountStoreError('UsernameTaken', `the username "${user.username}" is taken`);
            throw e;
          }
        }),
    );
  }

  userByUsername(username: string): Promise<UserWithSecret | null> {
    if (typeof username !== 'string' || username.includes('\0')) return this.run(async () => null);
    return this.run(async (client) => {
      const row = (await client.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username_key = $1`, [usernameKey(username)])).rows[0];
      return row ? { ...userOf(row), passwordHash: row.password_hash } : null;
    });
  }

  userById(id: string): Promise<User | null> {
    // Only a UUID can be stored (and anything else would be a type error in SQL).
    if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return this.run(async () => null);
    return this.run(async (client) => {
      const row = (await client.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id])).rows[0];
      return row ? userOf(row) : null;
    });
  }

  listUsers(): Promise<User[]> {
    // COLLATE "C": code point order, as SQLite sorts, whatever the database's locale.
    return this.run(async (client) => (await client.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username_key COLLATE "C", username COLLATE "C", id`)).rows.map(userOf));
  }

  updateUser(id: string, change: { role?: Role; passwordHash?: string }): Promise<User | null> {
    return this.checked(
      () => checkUserChange(change),
      (checked) => {
        if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return this.run(async () => null);
        return this.transaction(true, async (client) => {
          const row = (await client.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id])).rows[0];
          if (!row) return null;
          if (row.role === 'admin' && checked.role !== undefined && checked.role !== 'admin') await refuseIfLastAdmin(client, 'demote');
          const updated = (
            await client.query<UserRow>(`UPDATE users SET role = coalesce($2, role), password_hash = coalesce($3, password_hash) WHERE id = $1 RETURNING ${USER_COLUMNS}`, [
              id,
              checked.role ?? null,
              checked.passwordHash ?? null,
            ])
          ).rows[0];
          return userOf(updated);
        });
      },
    );
  }

  deleteUser(id: string): Promise<boolean> {
    if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return this.run(async () => false);
    return this.transaction(true, async (client) => {
      const row = (await client.query<{ role: Role }>('SELECT role FROM users WHERE id = $1', [id])).rows[0];
      if (!row) return false;
      if (row.role === 'admin') await refuseIfLastAdmin(client, 'delete');
      // The sessions go by the foreign key's ON DELETE CASCADE, in this statement.
      await client.query('DELETE FROM users WHERE id = $1', [id]);
      return true;
    });
  }

  createSession(session: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
    return this.checked(
      () => {
        const tokenHash = checkTokenHash(session?.tokenHash);
        const expiresAt = checkTime(session.expiresAt, 'the session expiry');
        if (typeof session.userId !== 'string' || !UUID_PATTERN.test(session.userId)) throw new AccountStoreError('BadInput', 'no such user for the session');
        return { tokenHash, expiresAt, userId: session.userId };
      },
      (s) =>
        this.run(async (client) => {
          try {
            await client.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [s.tokenHash, s.userId, new Date(s.expiresAt)]);
          } catch (e) {
            if (sqlState(e) === FOREIGN_KEY_VIOLATION) throw new AccountStoreError('BadInput', 'no such user for the session');
            if (sqlState(e) === UNIQUE_VIOLATION) throw new AccountStoreError('BadInput', 'a session with this token hash exists');
            throw e;
          }
        }),
    );
  }

  sessionUser(tokenHash: string, now: Date): Promise<User | null> {
    return this.checked(
      () => checkTime(now, 'now'),
      (at) => {
        if (typeof tokenHash !== 'string' || tokenHash.includes('\0')) return this.run(async () => null);
        return this.run(async (client) => {
          const row = (
            await client.query<UserRow>('SELECT u.id, u.username, u.role, u.created_at, u.password_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2', [
              tokenHash,
              new Date(at),
            ])
          ).rows[0];
          return row ? userOf(row) : null;
        });
      },
    );
  }

  deleteSession(tokenHash: string): Promise<void> {
    if (typeof tokenHash !== 'string' || tokenHash.includes('\0')) return this.run(async () => undefined);
    return this.run(async (client) => void (await client.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash])));
  }

  deleteExpiredSessions(now: Date): Promise<number> {
    return this.checked(
      () => checkTime(now, 'now'),
      (at) => this.run(async (client) => (await client.query('DELETE FROM sessions WHERE expires_at <= $1', [new Date(at)])).rowCount ?? 0),
    );
  }

  recordLoginFailure(key: string, at: Date): Promise<void> {
    return this.checked(
      () => [checkFailureKey(key), new Date(checkTime(at, 'the failure time'))] as const,
      (params) => this.run(async (client) => void (await client.query('INSERT INTO login_failures (key, at) VALUES ($1, $2)', [...params]))),
    );
  }

  deleteLoginFailuresBefore(before: Date): Promise<number> {
    return this.checked(
      () => checkTime(before, 'before'),
      (until) => this.run(async (client) => (await client.query('DELETE FROM login_failures WHERE at < $1', [new Date(until)])).rowCount ?? 0),
    );
  }

  countLoginFailures(key: string, since: Date): Promise<number> {
    return this.checked(
      () => checkTime(since, 'since'),
      (from) => {
        if (typeof key !== 'string' || key.includes('\0')) return this.run(async () => 0);
        return this.run(async (client) => Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM login_failures WHERE key = $1 AND at >= $2', [key, new Date(from)])).rows[0].n));
      },
    );
  }

  clearLoginFailures(key: string): Promise<void> {
    if (typeof key !== 'string' || key.includes('\0')) return this.run(async () => undefined);
    return this.run(async (client) => void (await client.query('DELETE FROM login_failures WHERE key = $1', [key])));
  }

  appendAudit(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.checked(
      () => checkAuditEntry(entry),
      (row) =>
        this.run(async (client) => {
          const stored = (
            await client.query<AuditRow>('INSERT INTO audit_log (actor, action, target, detail) VALUES ($1, $2, $3, $4) RETURNING id, at, actor, action, target, detail', [
              row.actor,
              row.action,
              row.target,
              row.detail,
            ])
          ).rows[0];
          return auditOf(stored);
        }),
    );
  }

  listAudit(options?: { limit?: number; before?: number }): Promise<AuditEntry[]> {
    return this.checked(
      () => checkAuditPage(options),
      (page) =>
        this.run(async (client) => {
          const rows =
            page.before === null
              ? await client.query<AuditRow>('SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT $1', [page.limit])
              : await client.query<AuditRow>('SELECT id, at, actor, action, target, detail FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2', [page.before, page.limit]);
          return rows.rows.map(auditOf);
        }),
    );
  }

  sharedSecret(name: string, candidate: string): Promise<string> {
    return this.checked(
      () => [checkSecretName(name), checkSecretValue(candidate)] as const,
      ([secretName, value]) =>
        this.run(async (client) => {
          // Two statements, each seeing what was committed before it: a concurrent insert of the
          // same name makes ours wait for its commit and do nothing; the SELECT then reads the winner.
          await client.query('INSERT INTO shared_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [secretName, value]);
          return (await client.query<{ value: string }>('SELECT value FROM shared_secrets WHERE name = $1', [secretName])).rows[0].value;
        }),
    );
  }

  /** Waits for operations under way, then closes this store's pool (not the dataset store's). */
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Inside a transaction holding the users lock. */
async function refuseIfLastAdmin(client: pg.PoolClient, what: 'demote' | 'delete') {
  const admins = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM users WHERE role = 'admin'")).rows[0].n);
  if (admins <= 1) throw new AccountStoreError('LastAdmin', `cannot ${what} the last admin`);
}

export function openPostgresAccountStore(options: PostgresStoreOptions): PostgresAccountStore {
  return new PostgresAccountStore(options);
}
