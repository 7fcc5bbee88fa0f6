/**
 * The AccountStore contract: one suite of tests that every account store must pass, run against
 * SQLite (sqliteAccountStore.test.ts) and PostgreSQL (postgresAccountStore.test.ts). A backend
 * supplies a harness: where a fresh empty database comes from, how to open an account store on it
 * (again: a second app instance sharing it), a dataset store on the same database, and the few raw
 * checks only the backend can make.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Codebook } from '../survey/codebook';
import { parseCsv } from '../survey/dataset';
import { AccountStoreError, AUDIT_ACTIONS, ROLES, type AccountStore, type NewUser, type Role } from './accountStore';
import type { DatasetStore } from './datasetStore';
import { readCodebookFile } from './referenceDatasets';

export interface VersionOneDataset {
  name: string;
  codebook: Codebook;
  header: string[];
  rows: string[][];
}

export interface AccountStoreHarness {
  /** Prepares a new, empty database (a folder, a PostgreSQL database) for the next test. */
  freshLocation(): Promise<void>;
  /** Opens an account store on the current database (a second instance if one is open). */
  open(): Promise<AccountStore>;
  /** Opens a dataset store on the same database. */
  openDatasetStore(): Promise<DatasetStore>;
  /** Removes the current database (after each test). */
  dropLocation(): Promise<void>;
  /** Every schema version recorded, in order. */
  schemaVersions(): Promise<number[]>;
  /** The versions this program's migrations define. */
  migrationVersions: number[];
  /**
   * Makes the current (empty) database what a version-1 program left: migration 1 only, and this
   * dataset written as version 1 wrote it; returns the dataset's id.
   */
  versionOneWithDataset(dataset: VersionOneDataset): Promise<string>;
  /** Session rows stored, counted directly in the database. */
  storedSessions(): Promise<number>;
  /** The arguments that point testing/createFirstUser.ts at the current database. */
  childArgs(): string[];
}

const root = path.resolve(__dirname, '../..');
const hash = (name: string) => `scrypt$test$${name}`;
const user = (username: string, role: Role = 'analyst'): NewUser => ({ username, role, passwordHash: hash(username) });
const at = (iso: string) => new Date(iso);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isIsoUtc = (s: string) => new Date(s).toISOString() === s;

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AccountStoreError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal, got success');
}

/** How the settled results split: fulfilled count, and the refusal codes sorted. */
function outcome(results: PromiseSettledResult<unknown>[]) {
  return {
    won: results.filter((r) => r.status === 'fulfilled').length,
    refused: results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason instanceof AccountStoreError ? r.reason.code : String(r.reason)))
      .sort(),
  };
}

export function runAccountStoreContract(name: string, harness: AccountStoreHarness): void {
  describe(`AccountStore contract: ${name}`, () => {
    let opened: { close(): Promise<void> }[] = [];
    let store: AccountStore;
    const open = async () => {
      const s = await harness.open();
      opened.push(s);
      return s;
    };
    const openDatasets = async () => {
      const s = await harness.openDatasetStore();
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      await harness.freshLocation();
      store = await open();
    });

    afterEach(async () => {
      await Promise.allSettled(opened.map((s) => s.close()));
      opened = [];
      await harness.dropLocation();
    });

    describe('users', () => {
      it('creates a user and finds it by username in any case, and by id', async () => {
        expect(await store.countUsers()).toBe(0);
        const alice = await store.createUser(user('Alice', 'strategist'));
        expect(alice).toEqual({ id: expect.stringMatching(UUID), username: 'Alice', role: 'strategist', createdAt: expect.any(String) });
        expect(isIsoUtc(alice.createdAt)).toBe(true);
        expect(Math.abs(Date.parse(alice.createdAt) - Date.now())).toBeLessThan(60_000);
        expect(await store.countUsers()).toBe(1);
        for (const typed of ['Alice', 'alice', 'ALICE', 'aLiCe']) expect(await store.userByUsername(typed)).toEqual({ ...alice, passwordHash: hash('Alice') });
        expect(await store.userByUsername('alice ')).toBeNull();
        expect(await store.userByUsername('bob')).toBeNull();
        expect(await store.userById(alice.id)).toEqual(alice);
        for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-an-id', "' OR 1=1 --", ''])
          expect(await store.userById(unknown)).toBeNull();
      });

      it('folds non-ASCII letters and Unicode normalisation alike on every backend', async () => {
        const asa = await store.createUser(user('ÅSA'));
        expect((await store.userByUsername('åsa'))?.id).toBe(asa.id);
        const zoe = await store.createUser(user('Zoe\u0308')); // e + combining diaeresis
        expect((await store.userByUsername('ZO\u00cb'))?.id).toBe(zoe.id); // precomposed Ë
        expect((await store.userByUsername('zoë'))?.username).toBe('Zoe\u0308'); // kept as typed
        expect(await refusal(store.createUser(user('åSa')))).toBe('UsernameTaken');
      });

      it('refuses a username taken in any case, writing nothing', async () => {
        await store.createUser(user('Alice'));
        expect(await refusal(store.createUser(user('alice', 'admin')))).toBe('UsernameTaken');
        expect(await refusal(store.createUser(user('ALICE')))).toBe('UsernameTaken');
        expect(await store.countUsers()).toBe(1);
        expect((await store.userByUsername('alice'))?.role).toBe('analyst');
      });

      it('lists every user by username, case-insensitively', async () => {
        for (const n of ['carol', 'Bob', 'alice', 'Dave']) await store.createUser(user(n));
        expect((await store.listUsers()).map((u) => u.username)).toEqual(['alice', 'Bob', 'carol', 'Dave']);
      });

      it('accepts every role and changes role and password hash', async () => {
        const users = [];
        for (const role of ROLES) users.push(await store.createUser(user(`user-${role}`, role)));
        expect(users.map((u) => u.role)).toEqual([...ROLES]);
        const analyst = users[1];
        const changed = await store.updateUser(analyst.id, { role: 'executive' });
        expect(changed).toEqual({ ...analyst, role: 'executive' });
        expect(await store.updateUser(analyst.id, { passwordHash: 'new-hash' })).toEqual({ ...analyst, role: 'executive' });
        expect((await store.userByUsername(analyst.username))?.passwordHash).toBe('new-hash');
        expect(await store.updateUser(analyst.id, {})).toEqual({ ...analyst, role: 'executive' });
        expect(await store.updateUser('00000000-0000-4000-8000-000000000000', { role: 'admin' })).toBeNull();
        expect(await store.updateUser('nope', { role: 'admin' })).toBeNull();
      });

      it('deletes a user; false when there is none', async () => {
        const admin = await store.createUser(user('root', 'admin'));
        const bob = await store.createUser(user('bob'));
        expect(await store.deleteUser(bob.id)).toBe(true);
        expect(await store.deleteUser(bob.id)).toBe(false);
        expect(await store.deleteUser('nope')).toBe(false);
        expect(await store.userById(bob.id)).toBeNull();
        expect(await store.userByUsername('bob')).toBeNull();
        expect((await store.listUsers()).map((u) => u.id)).toEqual([admin.id]);
        // The name is free again.
        expect((await store.createUser(user('BOB'))).username).toBe('BOB');
      });
    });

    describe('the first user', () => {
      it('onlyIfNoUsers creates the first user and refuses once one exists', async () => {
        const first = await store.createUser(user('admin', 'admin'), { onlyIfNoUsers: true });
        expect(first.role).toBe('admin');
        expect(await refusal(store.createUser(user('second', 'admin'), { onlyIfNoUsers: true }))).toBe('NotFirstUser');
        // NotFirstUser even when the name is also taken: the first-user check comes first.
        expect(await refusal(store.createUser(user('ADMIN', 'admin'), { onlyIfNoUsers: true }))).toBe('NotFirstUser');
        expect(await store.countUsers()).toBe(1);
      });

      it('two creators racing on one instance: exactly one wins', async () => {
        const results = await Promise.allSettled([store.createUser(user('a', 'admin'), { onlyIfNoUsers: true }), store.createUser(user('b', 'admin'), { onlyIfNoUsers: true })]);
        expect(outcome(results)).toEqual({ won: 1, refused: ['NotFirstUser'] });
        expect(await store.countUsers()).toBe(1);
      });

      it('six creators racing on six instances of one database: exactly one wins', async () => {
        const instances = [store, ...(await Promise.all([1, 2, 3, 4, 5].map(() => open())))];
        await Promise.all(instances.map((s) => s.countUsers())); // all migrated and connected
        const results = await Promise.allSettled(instances.map((s, i) => s.createUser(user(`admin${i}`, 'admin'), { onlyIfNoUsers: true })));
        expect(outcome(results)).toEqual({ won: 1, refused: ['NotFirstUser', 'NotFirstUser', 'NotFirstUser', 'NotFirstUser', 'NotFirstUser'] });
        expect(await store.countUsers()).toBe(1);
      });

      it(
        'four processes racing on one database: exactly one wins',
        async () => {
          await store.countUsers(); // migrated before the children start
          const children = ['p0', 'p1', 'p2', 'p3'].map((username) => {
            const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'testing/createFirstUser.ts'), ...harness.childArgs(), username], {
              cwd: root,
              stdio: ['pipe', 'pipe', 'pipe'],
            });
            let out = '';
            let err = '';
            child.stdout.on('data', (d) => (out += d));
            child.stderr.on('data', (d) => (err += d));
            const ready = new Promise<void>((resolve, reject) => {
              child.stdout.on('data', () => out.includes('ready') && resolve());
              child.on('exit', (code) => reject(new Error(`child ${username} exited before it was ready (${code}): ${err}`)));
            });
            const done = new Promise<string>((resolve) => child.on('exit', () => resolve(out.replace('ready', '').trim() || `no answer: ${err}`)));
            return { child, ready, done };
          });
          await Promise.all(children.map((c) => c.ready));
          for (const c of children) c.child.stdin.end('go\n');
          const answers = (await Promise.all(children.map((c) => c.done))).sort();
          expect(answers).toEqual(['NotFirstUser', 'NotFirstUser', 'NotFirstUser', 'won']);
          expect(await store.countUsers()).toBe(1);
        },
        60_000,
      );
    });

    describe('the last admin', () => {
      it('refuses to demote the last admin, allows it while another admin exists', async () => {
        const a = await store.createUser(user('a', 'admin'));
        expect(await refusal(store.updateUser(a.id, { role: 'analyst' }))).toBe('LastAdmin');
        expect((await store.userById(a.id))?.role).toBe('admin');
        // Not a demotion: allowed.
        expect((await store.updateUser(a.id, { role: 'admin', passwordHash: 'h2' }))?.role).toBe('admin');
        const b = await store.createUser(user('b', 'admin'));
        expect((await store.updateUser(a.id, { role: 'executive' }))?.role).toBe('executive');
        expect(await refusal(store.updateUser(b.id, { role: 'analyst' }))).toBe('LastAdmin');
        expect((await store.listUsers()).filter((u) => u.role === 'admin').map((u) => u.id)).toEqual([b.id]);
      });

      it('refuses to delete the last admin, allows it while another admin exists', async () => {
        const a = await store.createUser(user('a', 'admin'));
        const other = await store.createUser(user('other', 'analyst'));
        expect(await refusal(store.deleteUser(a.id))).toBe('LastAdmin');
        expect(await store.userById(a.id)).not.toBeNull();
        expect(await store.deleteUser(other.id)).toBe(true);
        const b = await store.createUser(user('b', 'admin'));
        expect(await store.deleteUser(a.id)).toBe(true);
        expect(await refusal(store.deleteUser(b.id))).toBe('LastAdmin');
        expect(await store.countUsers()).toBe(1);
      });

      it('two admins demoting or deleting each other at once from two instances: one admin remains', async () => {
        const other = await open();
        for (const act of ['demote', 'delete'] as const) {
          const a = await store.createUser(user(`a-${act}`, 'admin'));
          const b = await store.createUser(user(`b-${act}`, 'admin'));
          // Only these two admins (an earlier round's survivor is demoted first).
          for (const u of await store.listUsers()) if (u.role === 'admin' && u.id !== a.id && u.id !== b.id) await store.updateUser(u.id, { role: 'analyst' });
          const results = await Promise.allSettled(
            act === 'demote' ? [store.updateUser(b.id, { role: 'analyst' }), other.updateUser(a.id, { role: 'analyst' })] : [store.deleteUser(b.id), other.deleteUser(a.id)],
          );
          expect(outcome(results)).toEqual({ won: 1, refused: ['LastAdmin'] });
          expect((await store.listUsers()).filter((u) => u.role === 'admin')).toHaveLength(1);
        }
      });
    });

    describe('sessions', () => {
      it('finds the session\'s user until it expires, not at or after expiresAt', async () => {
        const bob = await store.createUser(user('bob'));
        const expiresAt = at('2030-01-01T12:00:00.000Z');
        await store.createSession({ tokenHash: 'tok-1', userId: bob.id, expiresAt });
        expect(await store.sessionUser('tok-1', at('2030-01-01T11:59:59.999Z'))).toEqual(bob);
        expect(await store.sessionUser('tok-1', expiresAt)).toBeNull();
        expect(await store.sessionUser('tok-1', at('2031-01-01T00:00:00.000Z'))).toBeNull();
        expect(await store.sessionUser('tok-2', at('2029-01-01T00:00:00.000Z'))).toBeNull();
        await store.deleteSession('tok-1');
        await store.deleteSession('tok-1'); // twice is fine
        expect(await store.sessionUser('tok-1', at('2029-01-01T00:00:00.000Z'))).toBeNull();
      });

      it('reflects the user\'s current role', async () => {
        const bob = await store.createUser(user('bob'));
        await store.createSession({ tokenHash: 't', userId: bob.id, expiresAt: at('2030-01-01T00:00:00Z') });
        await store.updateUser(bob.id, { role: 'strategist' });
        expect((await store.sessionUser('t', at('2029-01-01T00:00:00Z')))?.role).toBe('strategist');
      });

      it('deleteExpiredSessions removes those expired at or before now and says how many', async () => {
        const bob = await store.createUser(user('bob'));
        const times = ['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.001Z', '2029-06-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z'];
        for (const [i, t] of times.entries()) await store.createSession({ tokenHash: `t${i}`, userId: bob.id, expiresAt: at(t) });
        expect(await store.deleteExpiredSessions(at('2030-01-01T00:00:00.000Z'))).toBe(2); // t0 (at now) and t2
        expect(await harness.storedSessions()).toBe(2);
        const now = at('2029-01-01T00:00:00.000Z');
        expect(await store.sessionUser('t0', now)).toBeNull();
        expect(await store.sessionUser('t1', now)).toEqual(bob);
        expect(await store.sessionUser('t3', now)).toEqual(bob);
        expect(await store.deleteExpiredSessions(at('2030-01-01T00:00:00.000Z'))).toBe(0);
      });

      it('deleting a user deletes their sessions, not others\'', async () => {
        const bob = await store.createUser(user('bob'));
        const carol = await store.createUser(user('carol'));
        const expiresAt = at('2030-01-01T00:00:00Z');
        await store.createSession({ tokenHash: 'b1', userId: bob.id, expiresAt });
        await store.createSession({ tokenHash: 'b2', userId: bob.id, expiresAt });
        await store.createSession({ tokenHash: 'c1', userId: carol.id, expiresAt });
        expect(await store.deleteUser(bob.id)).toBe(true);
        expect(await harness.storedSessions()).toBe(1);
        expect(await store.sessionUser('b1', at('2029-01-01T00:00:00Z'))).toBeNull();
        expect(await store.sessionUser('c1', at('2029-01-01T00:00:00Z'))).toEqual(carol);
      });

      it('deleteOtherSessions ends the user\'s other sessions, keeps the one named and other users\' sessions, and says how many', async () => {
        const bob = await store.createUser(user('bob'));
        const carol = await store.createUser(user('carol'));
        const expiresAt = at('2030-01-01T00:00:00Z');
        const now = at('2029-01-01T00:00:00Z');
        for (const tokenHash of ['b-here', 'b-phone', 'b-laptop']) await store.createSession({ tokenHash, userId: bob.id, expiresAt });
        await store.createSession({ tokenHash: 'c1', userId: carol.id, expiresAt });
        expect(await store.deleteOtherSessions(bob.id, 'b-here')).toBe(2);
        expect(await store.sessionUser('b-here', now)).toEqual(bob);
        expect(await store.sessionUser('b-phone', now)).toBeNull();
        expect(await store.sessionUser('b-laptop', now)).toBeNull();
        expect(await store.sessionUser('c1', now)).toEqual(carol);
        expect(await harness.storedSessions()).toBe(2);
        // Another user's session is not the user's to keep: naming it keeps nothing of theirs.
        expect(await store.deleteOtherSessions(carol.id, 'b-here')).toBe(1);
        expect(await store.sessionUser('b-here', now)).toEqual(bob);
        // Nothing to end, an id that is no user's, a NUL: none, and no refusal.
        expect(await store.deleteOtherSessions(bob.id, 'b-here')).toBe(0);
        expect(await store.deleteOtherSessions('nope', 'b-here')).toBe(0);
        expect(await store.deleteOtherSessions(bob.id, 'b\0')).toBe(0);
        expect(await store.sessionUser('b-here', now)).toEqual(bob);
      });

      it('refuses a session for no user', async () => {
        for (const userId of ['00000000-0000-4000-8000-000000000000', 'nope'])
          expect(await refusal(store.createSession({ tokenHash: 'x', userId, expiresAt: at('2030-01-01T00:00:00Z') }))).toBe('BadInput');
        expect(await harness.storedSessions()).toBe(0);
      });
    });

    describe('failed logins', () => {
      it('are counted per key since a time, and cleared per key', async () => {
        for (const t of ['2030-01-01T10:00:00.000Z', '2030-01-01T10:05:00.000Z', '2030-01-01T10:10:00.000Z']) await store.recordLoginFailure('user:alice', at(t));
        await store.recordLoginFailure('ip:10.0.0.1', at('2030-01-01T10:05:00.000Z'));
        await store.recordLoginFailure('user:ALICE', at('2030-01-01T10:05:00.000Z')); // keys are exact
        expect(await store.countLoginFailures('user:alice', at('2030-01-01T09:00:00.000Z'))).toBe(3);
        expect(await store.countLoginFailures('user:alice', at('2030-01-01T10:05:00.000Z'))).toBe(2); // at or after
        expect(await store.countLoginFailures('user:alice', at('2030-01-01T10:05:00.001Z'))).toBe(1);
        expect(await store.countLoginFailures('user:alice', at('2030-01-01T11:00:00.000Z'))).toBe(0);
        expect(await store.countLoginFailures('ip:10.0.0.1', at('2030-01-01T00:00:00.000Z'))).toBe(1);
        expect(await store.countLoginFailures('user:bob', at('2000-01-01T00:00:00.000Z'))).toBe(0);
        await store.clearLoginFailures('user:alice');
        expect(await store.countLoginFailures('user:alice', at('2000-01-01T00:00:00.000Z'))).toBe(0);
        expect(await store.countLoginFailures('ip:10.0.0.1', at('2000-01-01T00:00:00.000Z'))).toBe(1);
        expect(await store.countLoginFailures('user:ALICE', at('2000-01-01T00:00:00.000Z'))).toBe(1);
      });

      it('older than a time are forgotten under every key', async () => {
        for (const [key, t] of [['user:a', '2030-01-01T10:00:00.000Z'], ['user:b', '2030-01-01T10:00:00.000Z'], ['user:a', '2030-01-01T10:20:00.000Z']] as const) await store.recordLoginFailure(key, at(t));
        expect(await store.deleteLoginFailuresBefore(at('2030-01-01T10:20:00.000Z'))).toBe(2);
        expect(await store.countLoginFailures('user:a', at('2000-01-01T00:00:00.000Z'))).toBe(1);
        expect(await store.countLoginFailures('user:b', at('2000-01-01T00:00:00.000Z'))).toBe(0);
        expect(await store.deleteLoginFailuresBefore(at('2030-01-01T10:20:00.000Z'))).toBe(0);
      });
    });

    describe('the audit log', () => {
      it('appends entries and lists them newest first, with their detail intact', async () => {
        const detail = { dataset: 'NL panel "2026" 😀', respondents: 1234, share: 0.125, nested: { list: [1, 'two', null, true] }, empty: '' };
        const first = await store.appendAudit({ actor: 'alice', action: 'dataset.upload', target: '0f8fad5b-d9cb-469f-a165-70867728950e', detail });
        expect(first).toEqual({ id: expect.any(Number), at: expect.any(String), actor: 'alice', action: 'dataset.upload', target: '0f8fad5b-d9cb-469f-a165-70867728950e', detail });
        expect(isIsoUtc(first.at)).toBe(true);
        expect(Math.abs(Date.parse(first.at) - Date.now())).toBeLessThan(60_000);
        const second = await store.appendAudit({ actor: null, action: 'login.failure', target: 'mallory', detail: { reason: 'bad password' } });
        const third = await store.appendAudit({ actor: 'alice', action: 'logout', target: null, detail: {} });
        expect(second.id).toBeGreaterThan(first.id);
        expect(third.id).toBeGreaterThan(second.id);
        expect(await store.listAudit()).toEqual([third, second, first]);
      });

      it('accepts every action and refuses others', async () => {
        for (const action of AUDIT_ACTIONS) await store.appendAudit({ actor: 'a', action, target: null, detail: { action } });
        expect((await store.listAudit()).map((e) => e.action).reverse()).toEqual([...AUDIT_ACTIONS]);
        expect(await refusal(store.appendAudit({ actor: 'a', action: 'user.hack' as never, target: null, detail: {} }))).toBe('BadInput');
        expect(await store.listAudit()).toHaveLength(AUDIT_ACTIONS.length);
      });

      it('pages back by id with limit and before', async () => {
        const ids: number[] = [];
        for (let i = 0; i < 25; i++) ids.push((await store.appendAudit({ actor: 'a', action: 'login.success', target: `u${i}`, detail: { i } })).id);
        const newestFirst = [...ids].reverse();
        const page1 = await store.listAudit({ limit: 10 });
        expect(page1.map((e) => e.id)).toEqual(newestFirst.slice(0, 10));
        const page2 = await store.listAudit({ limit: 10, before: page1[9].id });
        expect(page2.map((e) => e.id)).toEqual(newestFirst.slice(10, 20));
        const page3 = await store.listAudit({ limit: 10, before: page2[9].id });
        expect(page3.map((e) => e.id)).toEqual(newestFirst.slice(20));
        expect(await store.listAudit({ limit: 10, before: page3[4].id })).toEqual([]);
        expect(page3.map((e) => e.detail)).toEqual([4, 3, 2, 1, 0].map((i) => ({ i })));
        expect(await store.listAudit({ before: ids[0] })).toEqual([]);
        expect((await store.listAudit()).length).toBe(25);
      });
    });

    describe('shared secrets', () => {
      it('the first value stored is the value for every instance', async () => {
        const other = await open();
        expect(await store.sharedSecret('session-key', 'first')).toBe('first');
        expect(await other.sharedSecret('session-key', 'second')).toBe('first');
        expect(await store.sharedSecret('session-key', 'third')).toBe('first');
        expect(await other.sharedSecret('other-key', 'x')).toBe('x');
      });

      it('instances starting together all end up with the same value', async () => {
        const instances = [store, ...(await Promise.all([1, 2, 3, 4, 5].map(() => open())))];
        await Promise.all(instances.map((s) => s.countUsers()));
        const values = await Promise.all(instances.map((s, i) => s.sharedSecret('session-key', `candidate-${i}`)));
        expect(new Set(values).size).toBe(1);
        expect(values[0]).toMatch(/^candidate-\d$/);
      });
    });

    describe('bad input', () => {
      it('refuses empty and over-long usernames, unknown roles and empty password hashes, writing nothing', async () => {
        const cases: [string, Promise<unknown>][] = [
          ['empty username', store.createUser(user(''))],
          ['101 characters', store.createUser(user('x'.repeat(101)))],
          ['101 emoji', store.createUser(user('😀'.repeat(101)))],
          ['NUL', store.createUser(user('a\0b'))],
          ['unknown role', store.createUser({ username: 'x', role: 'root' as Role, passwordHash: 'h' })],
          ['empty hash', store.createUser({ username: 'x', role: 'analyst', passwordHash: '' })],
          ['no hash', store.createUser({ username: 'x', role: 'analyst' } as NewUser)],
          ['username not a string', store.createUser({ username: 42, role: 'analyst', passwordHash: 'h' } as unknown as NewUser)],
        ];
        for (const [what, promise] of cases) expect(`${what}: ${await refusal(promise)}`).toBe(`${what}: BadInput`);
        expect(await store.countUsers()).toBe(0);
        // The limits themselves are fine: 100 characters, counted as characters (an emoji is 2 UTF-16 units).
        expect((await store.createUser(user('x'.repeat(100)))).username).toHaveLength(100);
        expect((await store.createUser(user('😀'.repeat(100)))).username).toHaveLength(200);
      });

      it('refuses bad changes, times, audit entries, pages and secrets', async () => {
        const a = await store.createUser(user('a', 'admin'));
        const cases: [string, Promise<unknown>][] = [
          ['unknown role', store.updateUser(a.id, { role: 'root' as Role })],
          ['empty hash', store.updateUser(a.id, { passwordHash: '' })],
          ['invalid expiry', store.createSession({ tokenHash: 't', userId: a.id, expiresAt: new Date('nonsense') })],
          ['empty token hash', store.createSession({ tokenHash: '', userId: a.id, expiresAt: at('2030-01-01T00:00:00Z') })],
          ['invalid now', store.sessionUser('t', new Date(NaN))],
          ['invalid failure time', store.recordLoginFailure('k', new Date(NaN))],
          ['empty failure key', store.recordLoginFailure('', at('2030-01-01T00:00:00Z'))],
          ['detail an array', store.appendAudit({ actor: null, action: 'logout', target: null, detail: [] as never })],
          ['detail not JSON-safe', store.appendAudit({ actor: null, action: 'logout', target: null, detail: { n: BigInt(1) } })],
          ['limit 0', store.listAudit({ limit: 0 })],
          ['limit 1.5', store.listAudit({ limit: 1.5 })],
          ['limit too big', store.listAudit({ limit: 1_000_000 })],
          ['empty secret name', store.sharedSecret('', 'v')],
          ['empty secret', store.sharedSecret('n', '')],
        ];
        for (const [what, promise] of cases) expect(`${what}: ${await refusal(promise)}`).toBe(`${what}: BadInput`);
        expect((await store.userById(a.id))?.role).toBe('admin');
        expect(await harness.storedSessions()).toBe(0);
        expect(await store.listAudit()).toEqual([]);
      });

      it('looks up what no row can hold (a NUL, an id that is not a UUID) as nothing, alike on every backend', async () => {
        const a = await store.createUser(user('a', 'admin'));
        await store.createSession({ tokenHash: 't', userId: a.id, expiresAt: at('2030-01-01T00:00:00Z') });
        const now = at('2029-01-01T00:00:00Z');
        expect(await store.userByUsername('a\0')).toBeNull();
        expect(await store.sessionUser('t\0', now)).toBeNull();
        expect(await store.countLoginFailures('k\0', now)).toBe(0);
        await store.deleteSession('t\0');
        await store.clearLoginFailures('k\0');
        for (const id of ['not-a-uuid', a.id.toUpperCase().replace(/-/g, ''), `${a.id}\0`, 42 as unknown as string]) {
          expect(await store.userById(id)).toBeNull();
          expect(await store.updateUser(id, { role: 'analyst' })).toBeNull();
          expect(await store.deleteUser(id)).toBe(false);
        }
        expect(await refusal(store.createSession({ tokenHash: 'u', userId: 'not-a-uuid', expiresAt: at('2030-01-01T00:00:00Z') }))).toBe('BadInput');
        expect((await store.sessionUser('t', now))?.id).toBe(a.id);
        // A UUID in capitals is the same user on both backends.
        expect((await store.userById(a.id.toUpperCase()))?.id).toBe(a.id);
      });
    });

    describe('several instances and the dataset store on one database', () => {
      it('two instances see each other\'s writes', async () => {
        const other = await open();
        const alice = await store.createUser(user('alice'));
        expect(await other.userByUsername('ALICE')).toMatchObject({ id: alice.id });
        await other.createSession({ tokenHash: 's', userId: alice.id, expiresAt: at('2030-01-01T00:00:00Z') });
        expect(await store.sessionUser('s', at('2029-01-01T00:00:00Z'))).toEqual(alice);
        const entry = await other.appendAudit({ actor: 'alice', action: 'login.success', target: 'alice', detail: {} });
        expect(await store.listAudit()).toEqual([entry]);
        await store.recordLoginFailure('user:x', at('2030-01-01T00:00:00Z'));
        expect(await other.countLoginFailures('user:x', at('2029-01-01T00:00:00Z'))).toBe(1);
        await other.updateUser(alice.id, { role: 'executive' });
        expect((await store.userById(alice.id))?.role).toBe('executive');
        expect(await store.deleteUser(alice.id)).toBe(true);
        expect(await other.sessionUser('s', at('2029-01-01T00:00:00Z'))).toBeNull();
      });

      it('migrate the database once to the newest version, whichever store comes first', async () => {
        await store.countUsers();
        expect(await harness.schemaVersions()).toEqual(harness.migrationVersions);
        const datasets = await openDatasets();
        expect(await datasets.list()).toEqual([]);
        expect(await harness.schemaVersions()).toEqual(harness.migrationVersions);
      });

      it('the dataset store works on the database the account store migrated, and closing either leaves the other working', async () => {
        const admin = await store.createUser(user('admin', 'admin'));
        const datasets = await openDatasets();
        const summary = await datasets.put(studyGSample('after accounts'));
        await store.appendAudit({ actor: 'admin', action: 'dataset.upload', target: summary.id, detail: { name: summary.name, respondents: summary.respondents } });
        expect((await datasets.get(summary.id))?.rows).toEqual(studyGSample('').rows);

        await store.close();
        expect(await refusal(store.countUsers())).toBe('Closed');
        expect((await datasets.list()).map((d) => d.id)).toEqual([summary.id]);
        const again = await open();
        expect((await again.listAudit())[0].target).toBe(summary.id);

        await datasets.close();
        expect(await again.userById(admin.id)).toEqual(admin);
        const datasets2 = await openDatasets();
        expect(await datasets2.delete(summary.id)).toBe(true);
        expect(await again.countUsers()).toBe(1);
      });

      it('a database at version 1 with a dataset upgrades to the newest version, the dataset intact', async () => {
        await store.close();
        await harness.dropLocation();
        await harness.freshLocation();
        const old = studyGSample('stored by version 1');
        const id = await harness.versionOneWithDataset(old);
        expect(await harness.schemaVersions()).toEqual([1]);

        store = await open();
        expect(await store.countUsers()).toBe(0);
        expect(await harness.schemaVersions()).toEqual(harness.migrationVersions);
        await store.createUser(user('admin', 'admin'), { onlyIfNoUsers: true });

        const datasets = await openDatasets();
        const listed = await datasets.list();
        expect(listed.map((d) => [d.id, d.name, d.respondents])).toEqual([[id, old.name, old.rows.length]]);
        const stored = await datasets.get(id);
        expect(stored?.rows).toEqual(old.rows);
        expect(stored?.header).toEqual(old.header);
        expect(stored?.codebook).toEqual(old.codebook);
      });
    });
  });
}

/** 40 study-G rows with their codebook, as a dataset. */
function studyGSample(name: string): VersionOneDataset {
  const codebook = readCodebookFile(path.join(root, 'data/study-g.codebook.json'));
  const studyG = parseCsv(readFileSync(path.join(root, 'data/study-g.csv'), 'utf8'));
  return { name, codebook, header: studyG.header, rows: studyG.rows.slice(0, 40) };
}
