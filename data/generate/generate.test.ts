/**
 * The reference datasets: (1) the generator reproduces the committed files byte for byte;
 * (2) every target of the brief holds on the committed CSVs, recomputed here with plain weighted
 * sums (independently of the generator's own checks).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCodebook, type Codebook } from '../../lib/survey/codebook';
import { REFERENCE_FILES, generateReferenceData, generateStudyGColumns, studyGCsv, type ReferenceData } from './index';
import { DEFAULT_G_PARAMS, type GParams } from './studyG';
import { G_SEED } from './studyGReference';

const DATA = path.resolve(__dirname, '..');
const read = (name: string) => readFileSync(path.join(DATA, name), 'utf8');

type Row = Record<string, string>;
function parseCsv(text: string): { header: string[]; rows: Row[] } {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.includes('\r')).toBe(false);
  const lines = text.slice(0, -1).split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => {
    const cells = l.split(',');
    expect(cells.length).toBe(header.length);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]]));
  });
  return { header, rows };
}

/** Weighted share of rows/answers: add(weight, positive). */
function acc() {
  let sw = 0;
  let sp = 0;
  let sw2 = 0;
  let n = 0;
  const self = {
    add(w: number, pos: boolean) {
      sw += w;
      sw2 += w * w;
      n++;
      if (pos) sp += w;
    },
    get p() {
      return sp / sw;
    },
    get n() {
      return n;
    },
    /** Wilson lower bound, z = 1.959964, on the Kish effective base. */
    get lower() {
      const m = (sw * sw) / sw2;
      const z = 1.959964;
      const p = sp / sw;
      return (p + (z * z) / (2 * m) - z * Math.sqrt((p * (1 - p)) / m + (z * z) / (4 * m * m))) / (1 + (z * z) / m);
    },
  };
  return self;
}

let ref: ReferenceData;
beforeAll(() => {
  ref = generateReferenceData();
});

describe('determinism', () => {
  it('generateReferenceFiles() reproduces the committed files byte for byte', () => {
    expect(Object.keys(ref.files).sort()).toEqual([...REFERENCE_FILES].sort());
    for (const name of REFERENCE_FILES) expect(ref.files[name] === read(name), name).toBe(true);
  });

  it('a second run gives the same files', () => {
    const again = generateReferenceData().files;
    for (const name of REFERENCE_FILES) expect(again[name] === ref.files[name], name).toBe(true);
  });
});

describe('codebooks', () => {
  it.each([
    ['study-g.codebook.json', 'study-g', 'G'],
    ['study-p.codebook.json', 'study-p', 'P'],
  ])('%s passes parseCodebook and matches the CSV header', (file, id, style) => {
    const parsed = parseCodebook(JSON.parse(read(file)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const cb: Codebook = parsed.codebook;
    expect(cb.id).toBe(id);
    expect(cb.studyStyle).toBe(style);
    expect(cb.synthetic).toBe(true);
    const header = read(file.replace('.codebook.json', '.csv')).split('\n', 1)[0].split(',');
    const columns = [cb.respondentId, ...cb.attributes.map((a) => a.column), cb.weight!, ...cb.items.map((i) => i.column)];
    expect(new Set(columns)).toEqual(new Set(header));
  });

  it('keeps the contracted ids', () => {
    const g = JSON.parse(read('study-g.codebook.json')) as Codebook;
    expect(g.scales.map((s) => [s.id, s.positive])).toEqual([
      ['ok3', ['1']],
      ['agree5', ['4', '5']],
    ]);
    expect(g.families.map((f) => f.id)).toEqual(['dataType', 'scenario']);
    expect(g.itemDimensions.map((d) => d.id)).toEqual(['tier', 'unlockedBy', 'situation', 'place', 'industry']);
    expect(g.attributes.map((a) => `${a.id}:${a.kind}`)).toEqual(['country:categorical', 'gender:categorical', 'age_band:categorical', 'young_children:categorical', 'bond:scale', 'trust:scale']);
    const bond = g.attributes.find((a) => a.id === 'bond');
    expect(bond?.kind === 'scale' && bond.bands.map((b) => `${b.id}:${b.min}-${b.max}`)).toEqual(['weak:1-2', 'neutral:3-3', 'strong:4-5']);
    const trust = g.attributes.find((a) => a.id === 'trust');
    expect(trust?.kind === 'scale' && trust.bands.map((b) => `${b.id}:${b.min}-${b.max}`)).toEqual(['low:1-2', 'neutral:3-3', 'high:4-5']);
    const unlocked = g.items.filter((i) => i.meta.unlockedBy).map((i) => `${i.id}:${i.meta.unlockedBy}`);
    expect(unlocked.sort()).toEqual(['dt_birth_date:bond', 'dt_clothing_size:bond', 'dt_current_location:bond', 'dt_spending_budget:bond', 'dt_websites_visited:trust']);
    const p = JSON.parse(read('study-p.codebook.json')) as Codebook;
    expect(p.items.find((i) => i.id === 'p6_info_not_shared')?.askedIf).toEqual({ column: 'p5_too_personal', in: ['yes'] });
    expect(p.items.filter((i) => i.family === 'tactic').map((i) => `${i.id}:${i.meta.tactic}`)).toEqual([
      'p7_creepy_text_passing_store:creepy',
      'p8_creepy_message_after_store:creepy',
      'p9_creepy_social_ads:creepy',
      'p10_valued_apology_email:valued',
      'p11_valued_apology_website:valued',
    ]);
  });
});

describe('study G targets (recomputed from data/study-g.csv)', () => {
  const { header, rows } = parseCsv(read('study-g.csv'));
  const w = rows.map((r) => Number(r.weight));
  const dt = header.filter((h) => h.startsWith('dt_'));
  const sc = header.filter((h) => h.startsWith('sc_'));
  const pooled = (f: (r: Row) => boolean, scf: (col: string) => boolean = () => true) => {
    const a = acc();
    rows.forEach((r, i) => {
      if (!f(r)) return;
      for (const c of sc) if (scf(c) && r[c] !== '') a.add(w[i], r[c] === '4' || r[c] === '5');
    });
    return a.p;
  };
  const near = (p: number, target: number) => expect(Math.abs(p - target)).toBeLessThanOrEqual(0.0025);

  it('has the contracted shape', () => {
    expect(header.slice(0, 8)).toEqual(['respondent_id', 'country', 'gender', 'age_band', 'young_children', 'bond', 'trust', 'weight']);
    expect(header.length).toBe(8 + 17 + 12);
    expect(rows.length).toBe(4000);
    expect(rows[0].respondent_id).toBe('G00001');
    expect(rows[3999].respondent_id).toBe('G04000');
    for (const c of ['NL', 'SE', 'DE', 'UK']) expect(rows.filter((r) => r.country === c).length).toBe(1000);
    const bad: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) bad.push(what);
    };
    for (const r of rows) {
      const id = r.respondent_id;
      check(/^\d+\.\d{6}$/.test(r.weight), `${id} weight`);
      check(['F', 'M'].includes(r.gender), `${id} gender`);
      check(['18-34', '35-49', '50+'].includes(r.age_band), `${id} age_band`);
      check(['yes', 'no'].includes(r.young_children), `${id} young_children`);
      check(['1', '2', '3', '4', '5'].includes(r.bond) && ['1', '2', '3', '4', '5'].includes(r.trust), `${id} bond/trust`);
      check(sc.filter((c) => r[c] !== '').length === 6, `${id} rates 6 scenarios`);
      for (const c of sc) check(['', '1', '2', '3', '4', '5'].includes(r[c]), `${id} ${c}`);
      for (const c of dt) check(['', '1', '2', '3'].includes(r[c]), `${id} ${c}`);
    }
    expect(bad).toEqual([]);
  });

  it('has raked weights with Kish deff 1.1-1.4 and matching margins', () => {
    const sw = w.reduce((a, b) => a + b, 0);
    const sw2 = w.reduce((a, b) => a + b * b, 0);
    const deff = (w.length * sw2) / (sw * sw);
    expect(deff).toBeGreaterThan(1.1);
    expect(deff).toBeLessThan(1.4);
    const share = (f: (r: Row) => boolean) => rows.reduce((a, r, i) => a + (f(r) ? w[i] : 0), 0) / sw;
    expect(share((r) => r.gender === 'F')).toBeCloseTo(0.51, 4);
    expect(share((r) => r.age_band === '50+')).toBeCloseTo(0.49, 4);
    expect(share((r) => r.country === 'NL')).toBeCloseTo(0.25, 4);
  });

  it('young children are far more likely under 50; bond and trust correlate', () => {
    const yes = (f: (r: Row) => boolean) => rows.filter(f).filter((r) => r.young_children === 'yes').length / rows.filter(f).length;
    expect(yes((r) => r.age_band !== '50+')).toBeGreaterThan(4 * yes((r) => r.age_band === '50+'));
    const b = rows.map((r) => Number(r.bond));
    const t = rows.map((r) => Number(r.trust));
    const mean = (x: number[]) => x.reduce((a, c) => a + c, 0) / x.length;
    const mb = mean(b);
    const mt = mean(t);
    const cov = mean(b.map((x, i) => (x - mb) * (t[i] - mt)));
    const corr = cov / Math.sqrt(mean(b.map((x) => (x - mb) ** 2)) * mean(t.map((x) => (x - mt) ** 2)));
    expect(corr).toBeGreaterThan(0.3);
  });

  it('G1, G5, G6: pooled top-2 shares 46 / 65 / 63', () => {
    near(pooled(() => true), 0.46);
    near(pooled((r) => Number(r.bond) >= 4), 0.65);
    near(pooled((r) => Number(r.trust) >= 4), 0.63);
  });

  it('G8: weak < neutral < strong bond, steps >= 5 pp', () => {
    const weak = pooled((r) => Number(r.bond) <= 2);
    const neutral = pooled((r) => r.bond === '3');
    const strong = pooled((r) => Number(r.bond) >= 4);
    expect(neutral - weak).toBeGreaterThanOrEqual(0.05);
    expect(strong - neutral).toBeGreaterThanOrEqual(0.05);
  });

  it('G9-G11: pressed > relaxed, public > private, banking > travel and clothing (>= 4 pp)', () => {
    const by = (part: string) => pooled(() => true, (c) => c.split('_').includes(part));
    expect(by('pressed') - by('relaxed')).toBeGreaterThanOrEqual(0.04);
    expect(by('public') - by('private')).toBeGreaterThanOrEqual(0.04);
    expect(by('banking') - by('travel')).toBeGreaterThanOrEqual(0.04);
    expect(by('banking') - by('clothing')).toBeGreaterThanOrEqual(0.04);
  });

  it('scenario bases differ between scenarios', () => {
    const bases = sc.map((c) => rows.filter((r) => r[c] !== '').length);
    expect(new Set(bases).size).toBeGreaterThan(1);
  });

  it('G12: top segment F|18-34|yes, bottom M|50+|no, each >= 8 pp from the rest', () => {
    const key = (r: Row) => `${r.gender}|${r.age_band}|${r.young_children}`;
    const counts = new Map<string, number>();
    rows.forEach((r) => counts.set(key(r), (counts.get(key(r)) ?? 0) + 1));
    const segs = [...counts].filter(([, n]) => n >= 30).map(([k]) => ({ k, p: pooled((r) => key(r) === k) }));
    segs.sort((a, b) => b.p - a.p);
    expect(segs[0].k).toBe('F|18-34|yes');
    expect(segs[segs.length - 1].k).toBe('M|50+|no');
    expect(segs[0].p - pooled((r) => key(r) !== 'F|18-34|yes')).toBeGreaterThanOrEqual(0.08);
    expect(pooled((r) => key(r) !== 'M|50+|no') - segs[segs.length - 1].p).toBeGreaterThanOrEqual(0.08);
  });

  const shares = (col: string, f: (r: Row) => boolean = () => true) => {
    const ok = acc();
    const no = acc();
    rows.forEach((r, i) => {
      if (r[col] === '' || !f(r)) return;
      ok.add(w[i], r[col] === '1');
      no.add(w[i], r[col] === '3');
    });
    return { ok, no };
  };
  const TIERS: Record<string, string[]> = {
    ok: ['dt_gender', 'dt_age_group', 'dt_past_purchases', 'dt_places_visited'],
    nogo: ['dt_insurance', 'dt_medical_history', 'dt_political_preference', 'dt_photos', 'dt_race'],
    grey: ['dt_address', 'dt_websites_visited', 'dt_purchase_value', 'dt_social_likes', 'dt_birth_date', 'dt_spending_budget', 'dt_clothing_size', 'dt_current_location'],
  };

  it('data types: 1-2% blank', () => {
    for (const c of dt) {
      const blank = rows.filter((r) => r[c] === '').length / rows.length;
      expect(blank, c).toBeGreaterThanOrEqual(0.005);
      expect(blank, c).toBeLessThanOrEqual(0.025);
    }
  });

  it.each(TIERS.ok)('G2 %s: OK share 62-75%%, lower bound > 50%%', (c) => {
    const { ok } = shares(c);
    expect(ok.p).toBeGreaterThanOrEqual(0.62);
    expect(ok.p).toBeLessThanOrEqual(0.75);
    expect(ok.lower).toBeGreaterThan(0.5);
  });

  it.each(TIERS.nogo)('G3 %s: not-OK share 68-85%%, lower bound > 50%%', (c) => {
    const { no } = shares(c);
    expect(no.p).toBeGreaterThanOrEqual(0.68);
    expect(no.p).toBeLessThanOrEqual(0.85);
    expect(no.lower).toBeGreaterThan(0.5);
  });

  it.each(TIERS.grey)('G4 %s: OK 28-42%%, not OK 20-40%%, neither lower bound above 50%%', (c) => {
    const { ok, no } = shares(c);
    expect(ok.p).toBeGreaterThanOrEqual(0.28);
    expect(ok.p).toBeLessThanOrEqual(0.42);
    expect(no.p).toBeGreaterThanOrEqual(0.2);
    expect(no.p).toBeLessThanOrEqual(0.4);
    expect(ok.lower).toBeLessThanOrEqual(0.5);
    expect(no.lower).toBeLessThanOrEqual(0.5);
  });

  it.each(['dt_birth_date', 'dt_spending_budget', 'dt_clothing_size', 'dt_current_location'])('G7 %s: OK only with a strong bond', (c) => {
    const hi = shares(c, (r) => Number(r.bond) >= 4).ok;
    expect(hi.p).toBeGreaterThanOrEqual(0.58);
    expect(hi.lower).toBeGreaterThan(0.5);
    expect(shares(c, (r) => Number(r.bond) <= 3).ok.p).toBeLessThan(0.4);
  });

  it('G7 dt_websites_visited: OK only with trust, not with bond alone', () => {
    const hi = shares('dt_websites_visited', (r) => Number(r.trust) >= 4).ok;
    expect(hi.p).toBeGreaterThanOrEqual(0.58);
    expect(hi.lower).toBeGreaterThan(0.5);
    expect(shares('dt_websites_visited', (r) => Number(r.trust) <= 3).ok.p).toBeLessThan(0.4);
    expect(shares('dt_websites_visited', (r) => Number(r.bond) >= 4 && Number(r.trust) <= 3).ok.p).toBeLessThanOrEqual(0.5);
  });
});

describe('study P targets (recomputed from data/study-p.csv)', () => {
  const { header, rows } = parseCsv(read('study-p.csv'));
  const share = (col: string, f: (r: Row) => boolean) => {
    const a = acc();
    for (const r of rows) if (r[col] !== '' && f(r)) a.add(Number(r.weight), r[col] === 'yes');
    return a.p;
  };
  const w18 = (r: Row) => r.wave === '2018';
  const w17 = (r: Row) => r.wave === '2017';
  const COUNTRIES = ['CA', 'FR', 'DE', 'IT', 'JP', 'ES', 'UK', 'US'];

  it('has the contracted shape', () => {
    expect(header).toEqual([
      'respondent_id',
      'wave',
      'country',
      'gender',
      'age_band',
      'weight',
      'p1_left_poorly_curated',
      'p2_prefer_recognising_brands',
      'p3_share_if_transparent',
      'p4_keep_profile',
      'p5_too_personal',
      'p6_info_not_shared',
      'p7_creepy_text_passing_store',
      'p8_creepy_message_after_store',
      'p9_creepy_social_ads',
      'p10_valued_apology_email',
      'p11_valued_apology_website',
    ]);
    expect(rows.length).toBe(16000);
    expect(rows[0].respondent_id).toBe('P00001');
    for (const wave of ['2017', '2018'])
      for (const c of COUNTRIES) expect(rows.filter((r) => r.wave === wave && r.country === c).length).toBe(1000);
    const bad: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) bad.push(what);
    };
    for (const r of rows) {
      const id = r.respondent_id;
      check(/^\d+\.\d{6}$/.test(r.weight), `${id} weight`);
      for (const c of header.slice(6)) check(['', 'yes', 'no'].includes(r[c]), `${id} ${c} code`);
      check(r.p1_left_poorly_curated !== '', `${id} p1 asked`);
      if (r.wave === '2017') for (const c of header.slice(7)) check(r[c] === '', `${id} ${c} blank in 2017`);
      else {
        check((r.p6_info_not_shared !== '') === (r.p5_too_personal === 'yes'), `${id} p6 asked iff p5 yes`);
        for (const c of header.slice(6)) if (c !== 'p6_info_not_shared') check(r[c] !== '', `${id} ${c} asked`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('weights are raked within each wave (sum 8,000 per wave, country totals 1,000)', () => {
    for (const wave of ['2017', '2018']) {
      const ws = rows.filter((r) => r.wave === wave);
      expect(ws.reduce((a, r) => a + Number(r.weight), 0)).toBeCloseTo(8000, 2);
      expect(ws.filter((r) => r.country === 'JP').reduce((a, r) => a + Number(r.weight), 0)).toBeCloseTo(1000, 2);
    }
  });

  it.each([
    ['p1_left_poorly_curated', 0.48],
    ['p2_prefer_recognising_brands', 0.91],
    ['p3_share_if_transparent', 0.83],
    ['p4_keep_profile', 0.75],
    ['p5_too_personal', 0.27],
    ['p6_info_not_shared', 0.64],
    ['p7_creepy_text_passing_store', 0.41],
    ['p8_creepy_message_after_store', 0.4],
    ['p9_creepy_social_ads', 0.35],
    ['p10_valued_apology_email', 0.45],
    ['p11_valued_apology_website', 0.41],
  ])('%s (wave 2018) is %d', (col, target) => {
    expect(Math.abs(share(col, w18) - target)).toBeLessThanOrEqual(0.0025);
  });

  it('P5: 73% never had a too-personal experience', () => {
    const a = acc();
    for (const r of rows) if (w18(r)) a.add(Number(r.weight), r.p5_too_personal === 'no');
    expect(Math.abs(a.p - 0.73)).toBeLessThanOrEqual(0.0025);
  });

  it('P1b: 40% in wave 2017, and every country rises by >= 6 pp', () => {
    expect(Math.abs(share('p1_left_poorly_curated', w17) - 0.4)).toBeLessThanOrEqual(0.0025);
    for (const c of COUNTRIES) {
      const rise = share('p1_left_poorly_curated', (r) => w18(r) && r.country === c) - share('p1_left_poorly_curated', (r) => w17(r) && r.country === c);
      expect(rise, c).toBeGreaterThanOrEqual(0.06);
    }
  });
});

describe('uncalibrated generator (benchmarks)', () => {
  it('keeps DEFAULT_G_PARAMS close to the calibrated parameters', () => {
    const cal = ref.params.g as GParams;
    for (const [k, v] of Object.entries(cal.scenario)) expect(Math.abs(v - DEFAULT_G_PARAMS.scenario[k as keyof GParams['scenario']]), k).toBeLessThan(0.01);
    for (const [id, v] of Object.entries(cal.dataType))
      for (const key of ['ok', 'notOk'] as const) v[key].forEach((x, g) => expect(Math.abs(x - DEFAULT_G_PARAMS.dataType[id][key][g]), `${id} ${key}`).toBeLessThan(0.01));
  });

  it('generates study G-shaped data deterministically, with the same columns', () => {
    const a = studyGCsv(generateStudyGColumns(2001, 7));
    const b = studyGCsv(generateStudyGColumns(2001, 7));
    const c = studyGCsv(generateStudyGColumns(2001, 8));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a.split('\n', 1)[0]).toBe(read('study-g.csv').split('\n', 1)[0]);
    expect(a.split('\n').length).toBe(2001 + 2);
  });

  it('with the reference seed it samples the reference respondents and weights', () => {
    const text = studyGCsv(generateStudyGColumns(4000, G_SEED));
    const head = (t: string) =>
      t
        .split('\n')
        .map((l) => l.split(',').slice(0, 8).join(','))
        .join('\n');
    expect(head(text)).toBe(head(read('study-g.csv')));
  });
});
