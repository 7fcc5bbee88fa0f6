import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { throwawayStoreWithAccounts } from './testing/throwawayStore';
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
  codebook: typeof import('../../app/api/datasets/[id]/codebook/route');
  files: typeof import('../../app/api/datasets/[id]/files/route');
  pdf: typeof import('../../app/api/summary/pdf/route');
  pptx: typeof import('../../app/api/summary/pptx/route');
  templates: typeof import('../../app/api/templates/[file]/route');
};
let routes: Routes;

beforeAll(async () => {
  const made = await throwawayStoreWithAccounts('hostile', ['analyst']);
  dir = made.dir;
  session.cookie = made.cookies.analyst!;
  routes = {
    list: await import('../../app/api/datasets/route'),
    one: await import('../../app/api/datasets/[id]/route'),
    acceptance: await import('../../app/api/datasets/[id]/acceptance/route'),
    columns: await import('../../app/api/datasets/[id]/columns/route'),
    codebook: await import('../../app/api/datasets/[id]/codebook/route'),
    files: await import('../../app/api/datasets/[id]/files/route'),
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
      await expectClearError(await routes.codebook.GET(new Request(url('/api/datasets/x/codebook')), ctx('id', id)), [400]);
      await expectClearError(await routes.codebook.PUT(new Request(url('/api/datasets/x/codebook'), { method: 'PUT', body: '{}' }), ctx('id', id)), [400]);
      const form = new FormData();
      form.append('file', new Blob(['a\n1\n']), 'x.csv');
      await expectClearError(await routes.files.POST(new Request(url('/api/datasets/x/files'), { method: 'POST', body: form }), ctx('id', id)), [400]);
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

  it('several files: hostile values in the plan, its sources and column names, a clear 400, nothing stored', async () => {
    const post = (plan: string, count = 2) => {
      const form = new FormData();
      for (let i = 0; i < count; i++) form.append('file', new Blob(['id,q\n1,a\n']), `${i}.csv`);
      form.append('files', plan);
      form.append('codebook', new Blob(['{}']));
      return routes.list.POST(new Request(url('/api/datasets'), { method: 'POST', body: form }));
    };
    for (const value of HOSTILE_VALUES) {
      await expectClearError(await post(value), [400]);
      await expectClearError(await post(JSON.stringify({ files: [{ source: value }, { source: 'b' }] })), [400]);
      await expectClearError(await post(JSON.stringify({ sourceColumn: value, files: [{ source: 'a' }, { source: 'b' }] })), [400]);
      await expectClearError(await post(JSON.stringify({ files: [{ source: 'a', columns: { [value]: value } }, { source: 'b' }] })), [400]);
    }
    await expectClearError(await post('{"__proto__": {"polluted": true}, "files": [{"source": "a"}, {"source": "b"}]}'), [400]);
    await expectClearError(await post(JSON.stringify({ files: Array.from({ length: 2 }, () => ({ source: 'a', columns: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`c${i}`, 'x'])) })) })), [400]);
    await expectClearError(await post(JSON.stringify({ files: [{ source: 'a' }, { source: 'b' }] }), 21), [400]);
    await expectClearError(await post(' '.repeat(5 * 1024 * 1024 + 1)), [413]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const listed = (await (await routes.list.GET(new Request(url('/api/datasets')))).json()) as { datasets: { reference: boolean }[] };
    expect(listed.datasets.filter((d) => !d.reference)).toEqual([]);
  });

  it('appending a file: hostile source, existingSource, columns and prefixIds, a clear 400 (or 404 for a well-formed request to an unknown id)', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const post = (fields: Record<string, string | Blob>) => {
      const form = new FormData();
      form.append('file', new Blob(['id,q\n1,a\n']), 'x.csv');
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      return routes.files.POST(new Request(url(`/api/datasets/${unknown}/files`), { method: 'POST', body: form }), ctx('id', unknown));
    };
    for (const value of HOSTILE_VALUES) {
      // Too long, empty or with control characters: refused; any other text is a source value like another.
      const refused = value.length > 200 || value === '' || /[\u0000-\u001f]/.test(value);
      await expectClearError(await post({ source: value }), refused ? [400] : [404]);
      await expectClearError(await post({ source: 'b', existingSource: value }), refused ? [400] : [404]);
    }
    for (const value of HOSTILE_VALUES) {
      await expectClearError(await post({ source: 'b', columns: value }), [400]);
      await expectClearError(await post({ source: 'b', prefixIds: value }), [400]);
      await expectClearError(await post({ source: 'b', [value.slice(0, 100) || 'empty']: 'x' }), [400]);
    }
    await expectClearError(await post({}), [400]);
    await expectClearError(await post({ source: 'b', source2: 'c' }), [400]);
    await expectClearError(await post({ source: 'b', columns: '{"__proto__": {"polluted": true}}' }), [400]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Well-formed: the id is simply not there.
    await expectClearError(await post({ source: '<img src=x onerror=alert(1)>' }), [404]);
    await expectClearError(await post({ source: 'b', columns: '{"id": "x"}', prefixIds: 'true' }), [404]);
    await expectClearError(await routes.files.POST(new Request(url('/api/datasets/study-g/files'), { method: 'POST', body: new FormData() }), ctx('id', 'study-g')), [403]);
  });

  it('the codebook: hostile bodies and If-Match values, a clear 400 (413 over 5 MB), never a 500', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const put = (body: string, headers: Record<string, string> = {}) => routes.codebook.PUT(new Request(url(`/api/datasets/${unknown}/codebook`), { method: 'PUT', body, headers }), ctx('id', unknown));
    for (const value of HOSTILE_VALUES) {
      await expectClearError(await put(value), [400]);
      await expectClearError(await put(JSON.stringify(value)), [400]);
      // A header carries bytes, not characters: the ASCII part of the value.
      await expectClearError(await put('{}', { 'if-match': value.slice(0, 200).replace(/[^\u0020-\u007e]/g, '') || 'x' }), [400]);
      await expectClearError(await routes.codebook.GET(new Request(url('/api/datasets/study-g/codebook', { [value.slice(0, 100) || 'x']: value })), ctx('id', 'study-g')), [400]);
    }
    await expectClearError(await put('{"__proto__": {"polluted": true}}'), [400]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectClearError(await put(' '.repeat(5 * 1024 * 1024 + 1)), [413]);
    await expectClearError(await routes.codebook.PUT(new Request(url(`/api/datasets/${unknown}/codebook`), { method: 'PUT', body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }), ctx('id', unknown)), [400]);
    await expectClearError(await routes.codebook.GET(new Request(url(`/api/datasets/${unknown}/codebook`)), ctx('id', unknown)), [404]);
    await expectClearError(await routes.codebook.PUT(new Request(url('/api/datasets/study-p/codebook'), { method: 'PUT', body: '{}' }), ctx('id', 'study-p')), [403]);
  });
});
