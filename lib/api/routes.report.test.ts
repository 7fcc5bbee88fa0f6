import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { throwawayStoreWithAccounts } from './testing/throwawayStore';
import type { Problem } from '../ingest/types';

// The route reads the session cookie through Next's request APIs: an analyst signed in beforeAll.
const session = vi.hoisted(() => ({ cookie: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'pad_session' && session.cookie ? { name, value: session.cookie } : undefined) }),
  headers: async () => new Headers({ host: '127.0.0.1' }),
}));

/**
 * POST /api/datasets refusing a broken file, called in-process against a throwaway SQLite store:
 * whatever the file, the answer is a 422 with a JSON body of at most 1 MB that names the problem,
 * its problems listed once, every value it quotes cut to 80 characters and control characters named
 * rather than copied. (A 50 MB file with a stray quote followed by control bytes once answered 500
 * with an empty body: the messages quoted whole fields, twice over, past V8's longest string.)
 */
let dir: string;
let route: typeof import('../../app/api/datasets/route');

beforeAll(async () => {
  const made = await throwawayStoreWithAccounts('report', ['analyst']);
  dir = made.dir;
  session.cookie = made.cookies.analyst!;
  route = await import('../../app/api/datasets/route');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const lines = readFileSync(path.resolve(__dirname, '../../data/study-g.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
const header = lines[0].split(',');
const column = (name: string) => header.indexOf(name);

async function post(file: Uint8Array<ArrayBuffer> | string): Promise<{ status: number; bytes: number; body: { error: { code: string; message: string; problems: Problem[]; report: Record<string, unknown> & { counts: Record<string, number> } } } }> {
  const form = new FormData();
  form.append('file', new Blob([file], { type: 'text/csv' }), 'survey.csv');
  const response = await route.POST(new Request('http://127.0.0.1/api/datasets', { method: 'POST', body: form }));
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
}

/** Control characters, raw, as a broken export leaves them. */
const CONTROLS = '\u0000\u0001\u0007\u001b[31m\u007f\u0085';

/**
 * 50 MB shaped like study G (so that the template's codebook checks every row): valid rows, rows
 * whose answer, id and weight fields are 900,000 characters long with control bytes in them (each
 * quoted in its problem's message), then a stray quote followed by control bytes and very long
 * fields, which swallows the rest of the file into one field.
 */
function hostileFile(): Uint8Array<ArrayBuffer> {
  const parts: string[] = [lines[0], ...lines.slice(1, 201)];
  const long = (c: string) => `${CONTROLS}${c.repeat(900_000)}`;
  for (let i = 0; i < 12; i++) {
    const row = lines[1 + i].split(',');
    row[column('respondent_id')] = long('i');
    row[column('country')] = long('c');
    row[column('weight')] = long('9');
    row[column('dt_gender')] = long('7');
    parts.push(row.join(','));
  }
  const stray = lines[300].split(',');
  stray[column('dt_age_group')] = `"${CONTROLS}`;
  parts.push(stray.join(','));
  let size = parts.reduce((n, p) => n + p.length + 1, 0);
  // Mostly control bytes: each takes 6 characters in JSON ("\u0001"), which is what once made the answer too long a string.
  const field = `${'\u0001\u0002\u001f\u0000'.repeat(MB / 2)}${CONTROLS},`;
  while (size < 50 * MB) {
    parts.push(field);
    size += field.length + 1;
  }
  return new TextEncoder().encode(parts.join('\n'));
}

describe('POST /api/datasets refuses a broken file with a bounded, clear report', () => {
  it('a 50 MB hostile file: 422, a JSON body under 1 MB naming the problems, listed once', async () => {
    const file = hostileFile();
    expect(file.length).toBeGreaterThanOrEqual(50 * MB);
    const { status, bytes, body } = await post(file);
    expect(status).toBe(422);
    expect(bytes).toBeLessThan(MB);
    expect(body.error.code).toBe('InvalidData');
    const { problems, report } = body.error;
    // Listed once: beside the report, not in it as well.
    expect(report).not.toHaveProperty('problems');
    expect(report.listed).toBe(problems.length);
    expect(problems.length).toBeGreaterThan(0);
    // Named: the stray quote, the fields over the limit, the bad values, each with its row and line.
    const codes = new Set(problems.map((p) => p.code));
    for (const code of ['UnclosedQuote', 'FieldTooLong', 'UnknownCode', 'DuplicateId', 'NulByte']) expect(codes, code).toContain(code);
    expect(report.counts.UnclosedQuote).toBe(1);
    const unclosed = problems.find((p) => p.code === 'UnclosedQuote')!;
    expect(unclosed).toMatchObject({ row: 213, line: 214 });
    for (const p of problems) {
      expect(p.message.length, p.code).toBeLessThan(500);
      expect(p.message, p.code).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      if (p.row !== undefined && p.row > 0) expect(p.line, p.code).toBeGreaterThan(p.row);
    }
    // A quoted value: at most 80 characters, its control characters named.
    const unknown = problems.find((p) => p.code === 'UnknownCode' && p.column === 'dt_gender')!;
    const value = /^"([^"]*)"/.exec(unknown.message)![1];
    expect(value.length).toBeLessThanOrEqual(80);
    expect(value.startsWith('[NUL][SOH][BEL][ESC][31m[DEL][NEL]7777')).toBe(true);
    expect(value.endsWith('…')).toBe(true);
    // Nothing was stored.
    const listed = (await (await route.GET(new Request('http://127.0.0.1/api/datasets'))).json()) as { datasets: { reference: boolean }[] };
    expect(listed.datasets.filter((d) => !d.reference)).toEqual([]);
  }, 120_000);

  it('a NUL byte inside a value is named with its data row, line and column, never copied', async () => {
    // Data row 5 starts on line 7: data row 2 holds a quoted line break.
    const rows = lines.slice(1, 8).map((l) => l.split(','));
    rows[1][column('dt_photos')] = '"3\n"';
    rows[4][column('country')] = 'N\u0000L';
    const { status, bytes, body } = await post([lines[0], ...rows.map((r) => r.join(','))].join('\n'));
    expect(status).toBe(422);
    expect(bytes).toBeLessThan(MB);
    const nul = body.error.problems.find((p) => p.code === 'NulByte');
    expect(nul).toMatchObject({ type: 'warning', row: 5, line: 7, column: 'country' });
    expect(nul!.message).toContain('a NUL byte (0x00)');
    // The same value is also not a country code: quoted with its NUL named.
    const unknown = body.error.problems.find((p) => p.code === 'UnknownCode');
    expect(unknown).toMatchObject({ row: 5, line: 7, column: 'country' });
    expect(unknown!.message.startsWith('"N[NUL]L" is not a code of')).toBe(true);
    expect(JSON.stringify(body)).not.toContain('\\u0000');
  });
});
