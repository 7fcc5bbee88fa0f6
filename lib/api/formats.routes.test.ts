import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../ingest/types';
import { readSav } from '../formats/sav';
import { makeZsav } from '../formats/testing/zsavFiles';
import { inflateZsav } from '../formats/zsav';
import { inflateWithZlib } from '../formats/zlibInflate';
import { throwawayStoreWithAccounts } from './testing/throwawayStore';

// The route reads the session cookie through Next's request APIs: an analyst signed in beforeAll.
const session = vi.hoisted(() => ({ cookie: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'pad_session' && session.cookie ? { name, value: session.cookie } : undefined) }),
  headers: async () => new Headers({ host: '127.0.0.1' }),
}));

/**
 * Hostile SPSS and Excel files sent to POST /api/datasets, in-process against a throwaway SQLite
 * store: each gets a 422 whose problem names what is wrong, never a 500, and nothing is allocated
 * from what a file claims (the process stays far under 1 GB).
 */
let dir: string;
let route: typeof import('../../app/api/datasets/route');
let dataRoute: typeof import('../../app/api/datasets/[id]/data/route');
let codebookRoute: typeof import('../../app/api/datasets/[id]/codebook/route');

beforeAll(async () => {
  const made = await throwawayStoreWithAccounts('formats', ['analyst']);
  dir = made.dir;
  session.cookie = made.cookies.analyst!;
  route = await import('../../app/api/datasets/route');
  dataRoute = await import('../../app/api/datasets/[id]/data/route');
  codebookRoute = await import('../../app/api/datasets/[id]/codebook/route');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, '../formats/fixtures', name)));
const sav = fixture('survey-utf8.sav');
const zsav = fixture('survey-utf8.zsav');

/** The PSPP .zsav re-cut into 64-byte blocks, optionally with a ztrailer that lies or a decompression bomb for a block. */
async function zsavWith(tamper: Parameters<typeof makeZsav>[3], data?: Uint8Array, blockSize = 64): Promise<Uint8Array> {
  const at = readSav(zsav).zlib!.at;
  return makeZsav(zsav.subarray(0, at), data ?? (await inflateZsav(zsav, at, true, inflateWithZlib, 1 << 20)), blockSize, tamper);
}

async function post(bytes: Uint8Array, fileName: string): Promise<{ status: number; body: { error: { code: string; message: string; problems: Problem[] } } }> {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
  const response = await route.POST(new Request('http://127.0.0.1/api/datasets', { method: 'POST', body: form }));
  return { status: response.status, body: await response.json() };
}

const withInt = (offset: number, value: number) => {
  const b = sav.slice();
  new DataView(b.buffer).setInt32(offset, value, true);
  return b;
};

/** A zip whose sheet inflates to `bytes` of zeros: a few hundred KB that would become hundreds of MB. */
function bomb(bytes: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>', { compression: 'DEFLATE', createFolders: false });
  zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>', { compression: 'DEFLATE', createFolders: false });
  zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>', { compression: 'DEFLATE', createFolders: false });
  // Stored already deflated, so the test does not hold the inflated bytes either.
  const deflated = deflateRawSync(Buffer.alloc(bytes), { level: 9 });
  zip.file('xl/worksheets/sheet1.xml', deflated, { binary: true, compression: 'STORE', createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }).then((z) => {
    // Mark the stored sheet as deflated (method 8), in its local header and the central directory:
    // its directory then declares the compressed size as the inflated one, as a bomb may.
    const view = new DataView(z.buffer, z.byteOffset, z.byteLength);
    for (let at = 0; at + 12 <= z.length; at++) {
      const sig = view.getUint32(at, true);
      if (sig === 0x04034b50 && view.getUint16(at + 8, true) === 0) view.setUint16(at + 8, 8, true);
      if (sig === 0x02014b50 && view.getUint16(at + 10, true) === 0) view.setUint16(at + 10, 8, true);
    }
    return z;
  });
}

describe('hostile files answer 422 naming the problem', () => {
  const cases: [string, () => Promise<[Uint8Array, string]> | [Uint8Array, string], string][] = [
    ['a truncated .sav', () => [sav.subarray(0, 900), 'survey.sav'], 'SavTruncated'],
    ['a .sav whose header claims a million variables', () => [withInt(68, 1_000_000), 'survey.sav'], 'SavTooManyVariables'],
    ['a .sav with a wrong magic number', () => [new Uint8Array([0x24, 0x46, 0x4c, 0x39, ...sav.subarray(4)]), 'survey.sav'], 'FormatMismatch'],
    ['a .sav renamed .csv', () => [sav, 'survey.csv'], 'FormatMismatch'],
    ['a CSV renamed .sav', () => [new TextEncoder().encode('id,q1\n1,2\n'), 'survey.sav'], 'FormatMismatch'],
    ['a password-protected .xlsx', () => [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]), 'survey.xlsx'], 'XlsxEncrypted'],
    ['an .xlsx with merged header rows', () => [fixture('merged-header.xlsx'), 'survey.xlsx'], 'XlsxMergedHeader'],
    ['a truncated .zsav', () => [zsav.subarray(0, zsav.length - 30), 'survey.zsav'], 'SavTruncated'],
    ['a .zsav whose ztrailer lies about a block’s size', async () => [await zsavWith({ declared: (k, n) => (k === 2 ? n + 16 : n) }), 'survey.zsav'], 'SavZlib'],
    ['a .zsav decompression bomb (a block of 256 MB of zeros declared as 4 KB)', async () => [await zsavWith({ declared: () => 4096, blockSize: 4096 }, new Uint8Array(256 * 1024 * 1024), 256 * 1024 * 1024), 'survey.zsav'], 'SavZlib'],
    ['an .xlsx zip bomb (300 MB of zeros in a sheet)', async () => [await bomb(300 * 1024 * 1024), 'survey.xlsx'], 'XlsxTooLarge'],
  ];
  for (const [name, make, code] of cases)
    it(name, async () => {
      const [bytes, fileName] = await make();
      const { status, body } = await post(bytes, fileName);
      expect(status).toBe(422);
      expect(body.error.problems.map((p) => p.code)).toEqual([code]);
      expect(body.error.problems[0].message.length).toBeGreaterThan(20);
      expect(process.memoryUsage().rss).toBeLessThan(1024 * 1024 * 1024);
    }, 60_000);

  it('a .zsav that PSPP wrote is read as its .sav twin is: a valid file, it needs its codebook (400)', async () => {
    const { status, body } = await post(zsav, 'survey.zsav');
    expect([status, body.error.code]).toEqual([400, 'CodebookRequired']);
  });

  it('a .sav whose header claims a billion cases is read for the cases it has: a valid file needs its codebook (400), not a crash', async () => {
    const { status, body } = await post(withInt(80, 1_000_000_000), 'survey.sav');
    expect([status, body.error.code]).toEqual([400, 'CodebookRequired']);
  });
});

describe('several workbooks in one request share one unpacking budget', () => {
  it('two workbooks of 60% of the limit each are refused together, though either alone is under it', async () => {
    const { openFiles } = await import('./fileScan');
    const { MAX_STREAMED_INFLATED_BYTES } = await import('../formats/xlsx');
    const twenty = await bomb(Math.round(MAX_STREAMED_INFLATED_BYTES * 0.6));
    const alone = await openFiles([{ bytes: twenty, fileName: 'a.xlsx' }]);
    // Past the size check, exceljs finds no real workbook in it: a different problem.
    expect(alone.map((f) => f.problem?.code)).toEqual(['XlsxBroken']);
    const together = await openFiles([{ bytes: twenty, fileName: 'a.xlsx' }, { bytes: twenty, fileName: 'b.xlsx' }, { bytes: new TextEncoder().encode('id\n1\n'), fileName: 'c.csv' }]);
    expect(together.map((f) => f.problem?.code)).toEqual(['XlsxTooLarge', 'XlsxTooLarge', undefined]);
  }, 60_000);
});

describe('a labelled .sav stored and downloaded back', () => {
  it('stores with the codebook its proposal builds, and downloads as CSV (numeric codes) beside that codebook (the labels)', async () => {
    const { readSource } = await import('../formats/source');
    const { profileColumns } = await import('../mapping/profile');
    const { proposeDraft } = await import('../mapping/propose');
    const { applyMetadata } = await import('../mapping/fromMetadata');
    const { buildCodebook } = await import('../mapping/build');
    const source = await readSource(sav, 'sav');
    const profiles = profileColumns(source.header, [...source.rows()]);
    const draft = applyMetadata(proposeDraft(profiles), source.metadata!, Object.fromEntries(profiles.map((p) => [p.column, p.values.map((v) => v.value)])));
    const confirmed = {
      ...draft,
      scales: draft.scales.map((s) => ({ ...s, confirmed: true, positive: s.positive.length ? s.positive : s.codes.slice(-2).map((c) => c.code) })),
      columns: draft.columns.map((c) => (c.attribute?.kind === 'scale' ? { ...c, attribute: { ...c.attribute, confirmed: true } } : c)),
    };
    const built = buildCodebook(confirmed, { name: 'Labelled' });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const form = new FormData();
    form.append('file', new Blob([sav as Uint8Array<ArrayBuffer>]), 'survey.sav');
    form.append('codebook', new Blob([JSON.stringify(built.codebook)]), 'survey.codebook.json');
    const response = await route.POST(new Request('http://127.0.0.1/api/datasets', { method: 'POST', body: form }));
    const answer = await response.json();
    expect([response.status, answer.dataset?.respondents]).toEqual([201, 60]);
    const id = answer.dataset.id as string;
    const ctx = { params: Promise.resolve({ id }) };
    const csv = await (await dataRoute.GET(new Request(`http://127.0.0.1/api/datasets/${id}/data`), ctx)).text();
    const twin = readFileSync(path.join(__dirname, '../formats/fixtures/survey-utf8.pspp.csv'), 'utf8').trim().split('\n');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(twin[0]);
    expect(lines.length).toBe(61);
    // The codes as the file has them (PSPP writes the weight with its print format, F8.4).
    expect(lines[1].split(',').slice(0, 12)).toEqual(twin[1].split(',').slice(0, 12));
    const codebook = await (await codebookRoute.GET(new Request(`http://127.0.0.1/api/datasets/${id}/codebook`), ctx)).json();
    expect(codebook.attributes.find((a: { column: string }) => a.column === 'land').codes.map((c: { label: { en: string } }) => c.label.en)).toEqual(['Nederland', 'België', 'Duitsland']);
  });
});
