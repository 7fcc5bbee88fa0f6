import { randomUUID } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
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
  lookupText,
  lookupUserId,
  usernameKey,
} from './accountInput';
import { accountQueries } from './accountQueries';
import { AccountStoreError, type AccountStore, type AuditAction, type AuditEntry, type NewAuditEntry, type NewUser, type Role, type User, type UserWithSecret } from './accountStore';
import { preparePostgres, type PostgresStoreOptions } from './postgresConnection';
import { MigratedPool } from './postgresPool';

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
    return this.run((client) => count(client, q.countUsers()));
  }

  createUser(input: NewUser, options: { onlyIfNoUsers?: boolean } = {}): Promise<User> {
    return this.checked(
      () => checkNewUser(input),
      (user) =>
        this.transaction(Boolean(options.onlyIfNoUsers), async (client) => {
          if (options.onlyIfNoUsers && (await count(client, q.countUsers())) > 0) throw new AccountStoreError('NotFirstUser', 'a user exists already');
          try {
            return userOf((await one<UserRow>(client, q.insertUser({ id: randomUUID(), username: user.username, usernameKey: usernameKey(user.username), role: user.role, passwordHash: user.passwordHash })))!);
          } catch (e) {
            if (sqlState(e) === UNIQUE_VIOLATION) throw new AccountStoreError('UsernameTaken', `the username "${user.username}" is taken`);
            throw e;
          }
        }),
    );
  }

  userByUsername(username: string): Promise<UserWithSecret | null> {
    const name = lookupText(username);
    if (name === null) return this.run(async () => null);
    return this.run(async (client) => {
      const row = await one<UserRow>(client, q.userByKey(usernameKey(name)));
      return row ? { ...userOf(row), passwordHash: row.password_hash } : null;
    });
  }

  userById(id: string): Promise<User | null> {
    const userId = lookupUserId(id);
    if (userId === null) return this.run(async () => null);
    return this.run(async (client) => {
      const row = await one<UserRow>(client, q.userById(userId));
      return row ? userOf(row) : null;
    });
  }

  listUsers(): Promise<User[]> {
    return this.run(async (client) => (await all<UserRow>(client, q.listUsers())).map(userOf));
  }

  updateUser(id: string, change: { role?: Role; passwordHash?: string }): Promise<User | null> {
    return this.checked(
      () => checkUserChange(change),
      (checked) => {
        const userId = lookupUserId(id);
        if (userId === null) return this.run(async () => null);
        return this.transaction(true, async (client) => {
          const row = await one<UserRow>(client, q.userById(userId));
          if (!row) return null;
          if (row.role === 'admin' && checked.role !== undefined && checked.role !== 'admin') await refuseIfLastAdmin(client, 'demote');
          return userOf((await one<UserRow>(client, q.updateUser(userId, checked.role ?? row.role, checked.passwordHash ?? row.password_hash)))!);
        });
      },
    );
  }

  deleteUser(id: string): Promise<boolean> {
    const userId = lookupUserId(id);
    if (userId === null) return this.run(async () => false);
    return this.transaction(true, async (client) => {
      const row = await one<UserRow>(client, q.userById(userId));
      if (!row) return false;
      if (row.role === 'admin') await refuseIfLastAdmin(client, 'delete');
      // Explicitly as well as by the foreign key's ON DELETE CASCADE, as the SQLite store does.
      await exec(client, q.deleteSessionsOf(userId));
      await exec(client, q.deleteUser(userId));
      return true;
    });
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
        this.run(async (client) => {
          try {
            await exec(client, q.insertSession(s.tokenHash, s.userId, new Date(s.expiresAt)));
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
        const hash = lookupText(tokenHash);
        if (hash === null) return this.run(async () => null);
        return this.run(async (client) => {
          const row = await one<UserRow>(client, q.sessionUser(hash, new Date(at)));
          return row ? userOf(row) : null;
        });
      },
    );
  }

  deleteSession(tokenHash: string): Promise<void> {
    const hash = lookupText(tokenHash);
    if (hash === null) return this.run(async () => undefined);
    return this.run(async (client) => void (await exec(client, q.deleteSession(hash))));
  }

  deleteOtherSessions(userId: string, keepTokenHash: string): Promise<number> {
    const id = lookupUserId(userId);
    const keep = lookupText(keepTokenHash);
    if (id === null || keep === null) return this.run(async () => 0);
    return this.run(async (client) => (await exec(client, q.deleteOtherSessionsOf(id, keep))).rowCount ?? 0);
  }

  deleteExpiredSessions(now: Date): Promise<number> {
    return this.checked(
      () => checkTime(now, 'now'),
      (at) => this.run(async (client) => (await exec(client, q.deleteExpiredSessions(new Date(at)))).rowCount ?? 0),
    );
  }

  recordLoginFailure(key: string, at: Date): Promise<void> {
    return this.checked(
      () => [checkFailureKey(key), new Date(checkTime(at, 'the failure time'))] as const,
      ([failureKey, time]) => this.run(async (client) => void (await exec(client, q.insertLoginFailure(failureKey, time)))),
    );
  }

  deleteLoginFailuresBefore(before: Date): Promise<number> {
    return this.checked(
      () => checkTime(before, 'before'),
      (until) => this.run(async (client) => (await exec(client, q.deleteLoginFailuresBefore(new Date(until)))).rowCount ?? 0),
    );
  }

  countLoginFailures(key: string, since: Date): Promise<number> {
    return this.checked(
      () => checkTime(since, 'since'),
      (from) => {
        const failureKey = lookupText(key);
        if (failureKey === null) return this.run(async () => 0);
        return this.run((client) => count(client, q.countLoginFailures(failureKey, new Date(from))));
      },
    );
  }

  clearLoginFailures(key: string): Promise<void> {
    const failureKey = lookupText(key);
    if (failureKey === null) return this.run(async () => undefined);
    return this.run(async (client) => void (await exec(client, q.clearLoginFailures(failureKey))));
  }

  appendAudit(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.checked(
      () => checkAuditEntry(entry),
      // The server's clock stamps the entry (the column's default): one clock for every instance.
      (row) => this.run(async (client) => auditOf((await one<AuditRow>(client, q.insertAudit(row)))!)),
    );
  }

  listAudit(options?: { limit?: number; before?: number }): Promise<AuditEntry[]> {
    return this.checked(
      () => checkAuditPage(options),
      (page) => this.run(async (client) => (await all<AuditRow>(client, q.listAudit(page.limit, page.before))).map(auditOf)),
    );
  }

  sharedSecret(name: string, candidate: string): Promise<string> {
    return this.checked(
      () => [checkSecretName(name), checkSecretValue(candidate)] as const,
      ([secretName, value]) =>
        this.run(async (client) => {
          // Two statements, each seeing what was committed before it: a concurrent insert of the
          // same name makes ours wait for its commit and do nothing; the SELECT then reads the winner.
          await exec(client, q.insertSecretIfNew(secretName, value));
          return (await one<{ value: string }>(client, q.secret(secretName)))!.value;
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
  if ((await count(client, q.countAdmins())) <= 1) throw new AccountStoreError('LastAdmin', `cannot ${what} the last admin`);
}

/** The statements, compiled for PostgreSQL once (lib/storage/accountQueries.ts), and run with pg. */
const q = accountQueries('postgres');
const exec = (client: pg.PoolClient, query: CompiledQuery) => client.query(query.sql, query.parameters as unknown[]);
const all = async <T extends pg.QueryResultRow>(client: pg.PoolClient, query: CompiledQuery): Promise<T[]> => (await client.query<T>(query.sql, query.parameters as unknown[])).rows;
const one = async <T extends pg.QueryResultRow>(client: pg.PoolClient, query: CompiledQuery): Promise<T | undefined> => (await all<T>(client, query))[0];
// count(*) is a bigint, which pg returns as text.
const count = async (client: pg.PoolClient, query: CompiledQuery): Promise<number> => Number((await one<{ n: string }>(client, query))!.n);

export function openPostgresAccountStore(options: PostgresStoreOptions): PostgresAccountStore {
  return new PostgresAccountStore(options);
}
