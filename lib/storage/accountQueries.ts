import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type Generated,
} from 'kysely';
import type { AuditAction, Role } from './accountStore';

/**
 * The account store's statements, written once with Kysely and compiled for each dialect: the
 * SQLite store runs them with better-sqlite3 inside its synchronous transactions (BEGIN IMMEDIATE,
 * which Kysely cannot say, and which must not yield to the event loop while it holds the write lock:
 * see sqliteAccountStore.ts), the PostgreSQL store with pg. Kysely is the query layer only; each
 * store keeps its own transactions, locks and error codes.
 *
 * Times: the SQLite schema keeps sessions and login failures as epoch milliseconds and users and the
 * audit log as ISO text; PostgreSQL keeps timestamptz and stamps users and the audit log with its own
 * clock (one clock for every instance), so those times are given only for SQLite.
 */
type Time = number | string | Date;

interface AccountDb {
  users: { id: string; username: string; username_key: string; role: Role; password_hash: string; created_at: Generated<Time> };
  sessions: { token_hash: string; user_id: string; created_at: Generated<Time>; expires_at: Time };
  login_failures: { key: string; at: Time };
  audit_log: { id: Generated<number | string>; at: Generated<Time>; actor: string | null; action: AuditAction; target: string | null; detail: string };
  shared_secrets: { name: string; value: string };
}

export type AccountDialect = 'sqlite' | 'postgres';

/** A Kysely that only compiles: no connection, no driver. */
function compiler(dialect: AccountDialect): Kysely<AccountDb> {
  const sqlite = dialect === 'sqlite';
  return new Kysely<AccountDb>({
    dialect: {
      createAdapter: () => (sqlite ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (sqlite ? new SqliteIntrospector(db) : new PostgresIntrospector(db)),
      createQueryCompiler: () => (sqlite ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
  });
}

const USER_COLUMNS = ['id', 'username', 'role', 'created_at', 'password_hash'] as const;
const AUDIT_COLUMNS = ['id', 'at', 'actor', 'action', 'target', 'detail'] as const;

export interface NewUserRow {
  id: string;
  username: string;
  usernameKey: string;
  role: Role;
  passwordHash: string;
  /** SQLite only (PostgreSQL stamps it). */
  createdAt?: string;
}

/** Every statement of the account store, compiled for one dialect. */
export function accountQueries(dialect: AccountDialect) {
  const db = compiler(dialect);
  // Code point order in both: SQLite compares text bytewise; PostgreSQL would follow the database's locale.
  const collated = (column: string) => (dialect === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql.ref(column));
  const count = sql<number | string>`count(*)`.as('n');
  return {
    countUsers: (): CompiledQuery => db.selectFrom('users').select(count).compile(),
    countAdmins: (): CompiledQuery => db.selectFrom('users').select(count).where('role', '=', 'admin').compile(),
    insertUser: (row: NewUserRow): CompiledQuery =>
      db
        .insertInto('users')
        .values({ id: row.id, username: row.username, username_key: row.usernameKey, role: row.role, password_hash: row.passwordHash, ...(row.createdAt !== undefined ? { created_at: row.createdAt } : {}) })
        .returning(USER_COLUMNS)
        .compile(),
    userByKey: (key: string): CompiledQuery => db.selectFrom('users').select(USER_COLUMNS).where('username_key', '=', key).compile(),
    userById: (id: string): CompiledQuery => db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).compile(),
    listUsers: (): CompiledQuery => db.selectFrom('users').select(USER_COLUMNS).orderBy(collated('username_key')).orderBy(collated('username')).orderBy('id').compile(),
    updateUser: (id: string, role: Role, passwordHash: string): CompiledQuery => db.updateTable('users').set({ role, password_hash: passwordHash }).where('id', '=', id).returning(USER_COLUMNS).compile(),
    deleteUser: (id: string): CompiledQuery => db.deleteFrom('users').where('id', '=', id).compile(),
    deleteSessionsOf: (userId: string): CompiledQuery => db.deleteFrom('sessions').where('user_id', '=', userId).compile(),

    insertSession: (tokenHash: string, userId: string, expiresAt: Time, createdAt?: Time): CompiledQuery =>
      db
        .insertInto('sessions')
        .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt, ...(createdAt !== undefined ? { created_at: createdAt } : {}) })
        .compile(),
    sessionUser: (tokenHash: string, now: Time): CompiledQuery =>
      db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['u.id', 'u.username', 'u.role', 'u.created_at', 'u.password_hash'])
        .where('s.token_hash', '=', tokenHash)
        .where('s.expires_at', '>', now)
        .compile(),
    deleteSession: (tokenHash: string): CompiledQuery => db.deleteFrom('sessions').where('token_hash', '=', tokenHash).compile(),
    deleteOtherSessionsOf: (userId: string, keepTokenHash: string): CompiledQuery => db.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '<>', keepTokenHash).compile(),
    deleteExpiredSessions: (now: Time): CompiledQuery => db.deleteFrom('sessions').where('expires_at', '<=', now).compile(),

    insertLoginFailure: (key: string, at: Time): CompiledQuery => db.insertInto('login_failures').values({ key, at }).compile(),
    countLoginFailures: (key: string, since: Time): CompiledQuery => db.selectFrom('login_failures').select(count).where('key', '=', key).where('at', '>=', since).compile(),
    deleteLoginFailuresBefore: (before: Time): CompiledQuery => db.deleteFrom('login_failures').where('at', '<', before).compile(),
    clearLoginFailures: (key: string): CompiledQuery => db.deleteFrom('login_failures').where('key', '=', key).compile(),

    insertAudit: (row: { actor: string | null; action: AuditAction; target: string | null; detail: string }, at?: string): CompiledQuery =>
      db
        .insertInto('audit_log')
        .values({ ...row, ...(at !== undefined ? { at } : {}) })
        .returning(AUDIT_COLUMNS)
        .compile(),
    listAudit: (limit: number, before: number | null): CompiledQuery => {
      const all = db.selectFrom('audit_log').select(AUDIT_COLUMNS);
      return (before === null ? all : all.where('id', '<', before)).orderBy('id', 'desc').limit(limit).compile();
    },

    insertSecretIfNew: (name: string, value: string): CompiledQuery =>
      db
        .insertInto('shared_secrets')
        .values({ name, value })
        .onConflict((oc) => oc.column('name').doNothing())
        .compile(),
    secret: (name: string): CompiledQuery => db.selectFrom('shared_secrets').select('value').where('name', '=', name).compile(),
  };
}

export type AccountQueries = ReturnType<typeof accountQueries>;
