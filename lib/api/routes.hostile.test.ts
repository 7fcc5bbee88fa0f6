import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOSTILE_VALUES } from './testing/hostileValues';

// Route handlers read the session cookie through Next's request APIs; here the request carries the
// session of an analyst made in beforeAll, so that every route, writes included, gets past sign-in
// to the input checks under attack.
const session = vi.hoisted(() => ({ cookie: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'pad_session' && session.cookie ? { name, value: session.cookie } : undefined) }),
  headers: async () => new Headers({ host: '127.0.0.1' }),
}));

/**
 * Every route handler of the HTTP API, attacked: hostile values in every path segment, query
 * parameter and form field give a clear JSON error (400, 404, 413), never a 500 and never a
 * stored dataset. The handlers are called directly, against a throwaway SQLite store.
 */
let dir: string;
type Routes = {
  list: typeof import('../../app/api/datasets/route');
  one: typeof import('../../app/api/datasets/[id]/route');
  acceptance: typeof import('../../app/api/datasets/[id]/acceptance/route');
  columns: typeof import('../../app/api/datasets/[id]/columns/route');
  pdf: typeof import('../../app/api/summary/pdf/route');
  pptx: typeof import('../../app/api/summary/pptx/route');
  templates: typeof import('../../app/api/templates/[file]/route');
};
let routes: Routes;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hostile-'));
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  const { getAccountStore } = await import('../storage/storeFromEnv');
  const { createAccount, signIn } = await import('../auth/accounts');
  const { sessionSecret } = await import('../auth/sessionSecret');
  const store = getAccountStore();
  await createAccount(store, null, { username: 'hostile-analyst', role: 'analyst', password: 'hostile analyst password' });
  const signedIn = await signIn(store, { username: 'hostile-analyst', password: 'hostile analyst password' }, await sessionSecret(store));
  if (!signedIn.ok) throw new Error('the test analyst could not sign in');
  session.cookie = signedIn.cookieValue;
  routes = {
    list: await import('../../app/api/datasets/route'),
    one: await import('../../app/api/datasets/[id]/route'),
    acceptance: await import('../../app/api/datasets/[id]/acceptance/route'),
    columns: await import('../../app/api/datasets/[id]/columns/route'),
    pdf: await import('../../app/api/summary/pdf/route'),
    pptx: await import('../../app/api/summary/pptx/route'),
    templates: await import('../../app/api/templates/[file]/route'),
  };
  // Password hashing (scrypt) and the route modules' first import take seconds on a busy machine.
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const url = (p: string, query: Record<string, string> = {}) => `http://127.0.0.1${p}?${new URLSearchParams(query)}`;
const ctx = <T extends string>(key: T, value: string) => ({ params: Promise.resolve({ [key]: value } as Record<T, string>) });

async function expectClearError(response: Response, statuses: number[]) {
  expect(statuses).toContain(response.status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.message.length).toBeLessThan(400); // a 10,000-character value is never echoed whole
  return body;
}

describe('hostile input on every API route', () => {
  it('dataset ids in the path: 400 before storage is touched', async () => {
    for (const id of HOSTILE_VALUES) {
      await expectClearError(await routes.one.GET(new Request(url('/api/datasets/x')), ctx('id', id)), [400]);
      await expectClearError(await routes.one.DELETE(new Request(url('/api/datasets/x'), { method: 'DELETE' }), ctx('id', id)), [400]);
      await expectClearError(await routes.acceptance.GET(new Request(url('/api/datasets/x/acceptance')), ctx('id', id)), [400]);
      await expectClearError(await routes.columns.GET(new Request(url('/api/datasets/x/columns')), ctx('id', id)), [400]);
    }
  });

  it('every query parameter of the acceptance table, and unknown ones', async () => {
    for (const name of ['by', 'item', 'family', 'filter', 'outcome', 'minBase', 'format', 'lang', '__proto__', 'constructor', 'x'.repeat(5000)])
      for (const value of HOSTILE_VALUES.filter(Boolean))
        await expectClearError(await routes.acceptance.GET(new Request(url('/api/datasets/study-g/acceptance', { [name]: value })), ctx('id', 'study-g')), [400]);
    // Repeated single-valued parameters and a non-UTF-8 percent-encoding, as sent on the wire.
    await expectClearError(await routes.acceptance.GET(new Request('http://127.0.0.1/api/datasets/study-g/acceptance?format=csv&format=json'), ctx('id', 'study-g')), [400]);
    await expectClearError(await routes.acceptance.GET(new Request('http://127.0.0.1/api/datasets/study-g/acceptance?by=%FF%FE'), ctx('id', 'study-g')), [400]);
    await expectClearError(await routes.acceptance.GET(new Request('http://127.0.0.1/api/datasets/study-g/acceptance?filter=%E0%A4%A'), ctx('id', 'study-g')), [400]);
  });

  it('an id of the right shape that the dataset lacks is the engine’s 400, not a 500', async () => {
    await expectClearError(await routes.acceptance.GET(new Request(url('/api/datasets/study-g/acceptance', { by: 'nosuch' })), ctx('id', 'study-g')), [400]);
    await expectClearError(await routes.acceptance.GET(new Request(url('/api/datasets/study-g/acceptance', { filter: 'country:ZZ' })), ctx('id', 'study-g')), [400]);
  });

  it('summary exports, templates, the list and the columns refuse hostile parameters', async () => {
    for (const value of HOSTILE_VALUES.filter(Boolean)) {
      for (const name of ['dataset', 'lang', value.slice(0, 100)]) {
        await expectClearError(await routes.pdf.GET(new Request(url('/api/summary/pdf', { [name]: value }))), [400]);
        await expectClearError(await routes.pptx.GET(new Request(url('/api/summary/pptx', { [name]: value }))), [400]);
      }
      await expectClearError(await routes.templates.GET(new Request(url('/api/templates/x')), ctx('file', value)), [404]);
      await expectClearError(await routes.templates.GET(new Request(url('/api/templates/x', { x: value })), ctx('file', 'study-g.template.csv')), [400]);
      await expectClearError(await routes.list.GET(new Request(url('/api/datasets', { q: value }))), [400]);
      await expectClearError(await routes.columns.GET(new Request(url('/api/datasets/study-g/columns', { q: value })), ctx('id', 'study-g')), [400]);
    }
  });

  it('upload form fields: a clear 400 or 413, and nothing stored', async () => {
    const csv = new Blob(['a,b\n1,2\n'], { type: 'text/csv' });
    const post = (fields: Record<string, string | Blob>) => {
      const form = new FormData();
      form.append('file', csv, 'x.csv');
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      return routes.list.POST(new Request(url('/api/datasets'), { method: 'POST', body: form }));
    };
    await expectClearError(await post({ name: 'a\nb' }), [400]);
    await expectClearError(await post({ name: 'x'.repeat(10_000) }), [400]);
    await expectClearError(await post({ keepPersonal: 'x'.repeat(10_000) }), [400]);
    await expectClearError(await post(Object.fromEntries([['__proto__', 'x']])), [400]); // an own field named __proto__
    await expectClearError(await post({ codebook: new Blob([' '.repeat(5 * 1024 * 1024 + 1)]) }), [413]);
    await expectClearError(await post({ codebook: new Blob(['{"__proto__": {"polluted": true}}']) }), [400]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const listed = (await (await routes.list.GET(new Request(url('/api/datasets')))).json()) as { datasets: { reference: boolean }[] };
    expect(listed.datasets.filter((d) => !d.reference)).toEqual([]);
  });
});
