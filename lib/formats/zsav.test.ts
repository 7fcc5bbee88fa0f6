import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inflateWithZlib } from './zlibInflate';
import { readSav } from './sav';
import { readSource, sourceProblem } from './source';
import { makeZsav } from './testing/zsavFiles';
import { inflateWithStreams, inflateZsav, type Inflate } from './zsav';

const dir = path.join(__dirname, 'fixtures');
const file = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
/** The same dictionary and cases PSPP wrote twice: SAVE, and SAVE /ZCOMPRESSED (fixtures/make-fixtures.ts). */
const sav = file('survey-utf8.sav');
const zsav = file('survey-utf8.zsav');

const INFLATERS: [string, Inflate][] = [
  ['DecompressionStream (the browser worker’s)', inflateWithStreams],
  ['Node’s zlib (the server’s)', inflateWithZlib],
];

async function problemOf(bytes: Uint8Array, inflate: Inflate, maxZsavBytes?: number): Promise<string | undefined> {
  try {
    const source = await readSource(bytes, 'sav', { inflate, maxZsavBytes });
    for (const row of source.rows()) if (row.length !== source.header.length) return 'a row of the wrong width';
  } catch (e) {
    return sourceProblem(e)?.code ?? `not a problem: ${String(e)}`;
  }
  return undefined;
}

/** The fixture's dictionary and its inflated case data, to build other .zsav files from. */
async function parts() {
  const at = readSav(zsav).zlib!.at;
  return { prefix: zsav.subarray(0, at), data: await inflateZsav(zsav, at, true, inflateWithZlib, 1 << 20) };
}

describe('a ZLIB-compressed SPSS file (.zsav, written by PSPP with SAVE /ZCOMPRESSED)', () => {
  for (const [name, inflate] of INFLATERS)
    it(`reads the same dictionary and cases as the plain .sav, inflated with ${name}`, async () => {
      const z = await readSource(zsav, 'sav', { inflate });
      const s = await readSource(sav, 'sav');
      expect(zsav[3]).toBe(0x33); // "$FL3"
      expect(z.header).toEqual(s.header);
      expect(z.metadata).toEqual(s.metadata);
      const rows = [...z.rows()];
      expect(rows).toHaveLength(60);
      expect(rows).toEqual([...s.rows()]);
    });

  it('reads a file of many blocks (the fixture re-cut into 64-byte blocks)', async () => {
    const { prefix, data } = await parts();
    const many = makeZsav(prefix, data, 64);
    for (const [, inflate] of INFLATERS) expect([...(await readSource(many, 'sav', { inflate })).rows()]).toEqual([...(await readSource(sav, 'sav')).rows()]);
  });
});

describe('hostile .zsav files get a named problem, never a crash, and nothing inflated past what they declare', () => {
  it('random damage anywhere after the dictionary never throws anything but a named problem', async () => {
    const at = readSav(zsav).zlib!.at;
    for (let k = 0; k < 200; k++) {
      const b = zsav.slice();
      for (let j = 0; j < 3; j++) b[at + ((k * 7919 + j * 104729) % (b.length - at))] = (k * 31 + j) & 0xff;
      const problem = await problemOf(b.subarray(0, b.length - (k % 7)), k % 2 ? inflateWithZlib : inflateWithStreams);
      if (problem !== undefined) expect(problem, `damage ${k}`).toMatch(/^Sav/);
    }
  });

  for (const [name, inflate] of INFLATERS)
    describe(name, () => {
      it('a truncated .zsav: cut in its blocks, its trailer or its zlib header', async () => {
        expect(await problemOf(zsav.subarray(0, zsav.length - 10), inflate)).toBe('SavTruncated');
        expect(await problemOf(zsav.subarray(0, zsav.length - 60), inflate)).toBe('SavTruncated');
        expect(await problemOf(zsav.subarray(0, readSav(zsav).zlib!.at + 10), inflate)).toBe('SavTruncated');
      });

      it('a ztrailer that lies about block sizes: larger, smaller, or inconsistent with the block size', async () => {
        const { prefix, data } = await parts();
        expect(await problemOf(makeZsav(prefix, data, 64, { declared: (k, n) => (k === 3 ? n - 8 : n) }), inflate)).toBe('SavZlib');
        expect(await problemOf(makeZsav(prefix, data, 64, { declared: (k, n) => (k === 3 ? n + 8 : n) }), inflate)).toBe('SavZlib');
        expect(await problemOf(makeZsav(prefix, data, 64, { blockSize: 32 }), inflate)).toBe('SavZlib');
      });

      it('a block whose bytes are not zlib data', async () => {
        const { prefix, data } = await parts();
        expect(await problemOf(makeZsav(prefix, data, 64, { stored: (k, d) => (k === 2 ? d.map((b, i) => (i > 2 ? b ^ 0x5a : b)) : d) }), inflate)).toBe('SavZlib');
      });

      it('a decompression bomb: a block of 64 MB of zeros declared as 4 KB is stopped at 4 KB; an honest trailer past the cap is refused before inflating', async () => {
        const { prefix } = await parts();
        const zeros = new Uint8Array(64 * 1024 * 1024);
        const bomb = makeZsav(prefix, zeros, zeros.length, { declared: () => 4096, blockSize: 4096 });
        expect(bomb.length).toBeLessThan(200_000);
        const before = process.memoryUsage().rss;
        expect(await problemOf(bomb, inflate)).toBe('SavZlib');
        // An honest trailer declaring more than a .sav upload may be is refused before inflating anything.
        expect(await problemOf(makeZsav(prefix, zeros, zeros.length), inflate, 16 * 1024 * 1024)).toBe('SavZlibTooLarge');
        expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
      });
    });
});
