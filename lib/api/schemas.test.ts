import { describe, expect, it } from 'vitest';
import { parseAcceptanceParams } from './acceptanceParams';
import { ApiError } from './errors';
import { HOSTILE_VALUES } from './testing/hostileValues';
import { keepPersonalSchema, MAX_PARAM_CHARS, noParams, parseDatasetId, parseField, parseSummaryExportParams, parseTemplateFile, queryValues, uploadNameSchema } from './schemas';


const refusal = (fn: () => unknown): ApiError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('accepted');
};

describe('dataset ids', () => {
  it('are the reference ids or a UUID', () => {
    expect(parseDatasetId('study-g')).toBe('study-g');
    expect(parseDatasetId('study-p')).toBe('study-p');
    expect(parseDatasetId('0b7e6c1a-1d2e-4f3a-9b8c-7d6e5f4a3b2c')).toBe('0b7e6c1a-1d2e-4f3a-9b8c-7d6e5f4a3b2c');
  });

  it('anything else is a 400 BadId whose message quotes at most 80 characters, control characters escaped', () => {
    for (const id of [...HOSTILE_VALUES, 'study-x', 'STUDY-G', ' study-g', '0b7e6c1a-1d2e-4f3a-9b8c-7d6e5f4a3b2', 42, null, undefined, ['study-g']]) {
      const e = refusal(() => parseDatasetId(id));
      expect([e.status, e.code]).toEqual([400, 'BadId']);
      expect(e.message.length).toBeLessThan(200);
      expect(e.message).not.toMatch(/[\u0000-\u001f]/);
    }
  });
});

describe('query strings', () => {
  it('refuse unknown names, __proto__ included, and any value over the length limit', () => {
    expect(refusal(() => queryValues(new URLSearchParams('__proto__=1'), ['lang'])).message).toContain('unknown parameter "__proto__"');
    expect(refusal(() => queryValues(new URLSearchParams('constructor=1'), ['lang'])).message).toContain('unknown parameter');
    expect(queryValues(new URLSearchParams(`lang=${'x'.repeat(MAX_PARAM_CHARS)}`), ['lang']).get('lang')![0]).toHaveLength(MAX_PARAM_CHARS);
    expect(refusal(() => queryValues(new URLSearchParams(`lang=${'x'.repeat(MAX_PARAM_CHARS + 1)}`), ['lang'])).message).toContain('the limit is 4,000');
  });

  it('routes without parameters refuse any', () => {
    expect(() => noParams(new Request('http://h/api/datasets'))).not.toThrow();
    expect(refusal(() => noParams(new Request('http://h/api/datasets?x=1'))).message).toContain('takes no parameters');
  });

  it('the summary export takes a dataset id and en or nl, once each', () => {
    expect(parseSummaryExportParams(new URLSearchParams('dataset=study-p&lang=nl'))).toEqual({ dataset: 'study-p', locale: 'nl' });
    expect(parseSummaryExportParams(new URLSearchParams(''))).toEqual({ dataset: undefined, locale: 'en' });
    expect(refusal(() => parseSummaryExportParams(new URLSearchParams('lang=en&lang=nl'))).message).toContain('once');
    for (const value of HOSTILE_VALUES) {
      expect(refusal(() => parseSummaryExportParams(new URLSearchParams({ lang: value }))).status).toBe(400);
      if (value !== '') expect(refusal(() => parseSummaryExportParams(new URLSearchParams({ dataset: value }))).status).toBe(400);
    }
  });

  it('the acceptance table refuses every hostile value in every parameter with a 400', () => {
    for (const name of ['by', 'item', 'family', 'filter', 'outcome', 'minBase', 'format', 'lang'])
      for (const value of HOSTILE_VALUES) {
        if (value === '' && name !== 'minBase' && name !== 'format' && name !== 'lang' && name !== 'family') continue; // checked below
        const e = refusal(() => parseAcceptanceParams(new URLSearchParams({ [name]: value })));
        expect(e.status).toBe(400);
        expect(e.message.length).toBeLessThan(300);
      }
    expect(refusal(() => parseAcceptanceParams(new URLSearchParams('by='))).status).toBe(400);
    expect(refusal(() => parseAcceptanceParams(new URLSearchParams('filter=__proto__:1'))).message).toContain('not a valid id');
    expect(refusal(() => parseAcceptanceParams(new URLSearchParams('filter=country:constructor'))).message).toContain('not a valid id');
    expect(refusal(() => parseAcceptanceParams(new URLSearchParams('format=json&format=csv'))).message).toContain('once');
    expect(refusal(() => parseAcceptanceParams(new URLSearchParams(`by=${Array.from({ length: 201 }, (_, i) => `a${i}`).join(',')}`))).message).toContain('more than 200');
  });

  it('a filter object never carries prototype machinery', () => {
    const filter = parseAcceptanceParams(new URLSearchParams('filter=country:NL+DE')).query.filter!;
    expect(Object.getPrototypeOf(filter)).toBe(Object.prototype);
    expect(filter).toEqual({ country: ['NL', 'DE'] });
  });
});

describe('template file names', () => {
  it('are one of four; anything else is a 404 naming them', () => {
    expect(parseTemplateFile('study-p.codebook.json')).toEqual({ study: 'study-p', kind: 'codebook', file: 'study-p.codebook.json' });
    expect(parseTemplateFile('study-g.template.csv')).toEqual({ study: 'study-g', kind: 'csv', file: 'study-g.template.csv' });
    for (const value of [...HOSTILE_VALUES, 'study-x.template.csv', 'study-g.template.csv\u0000.js']) {
      const e = refusal(() => parseTemplateFile(value));
      expect([e.status, e.code]).toEqual([404, 'NotFound']);
      expect(e.message).toContain('study-g.template.csv, study-p.template.csv');
    }
  });
});

describe('upload form fields', () => {
  it('a name: at most 200 characters, no control characters', () => {
    expect(parseField(uploadNameSchema, 'x'.repeat(200))).toHaveLength(200);
    expect(refusal(() => parseField(uploadNameSchema, 'x'.repeat(201))).message).toContain('200');
    expect(refusal(() => parseField(uploadNameSchema, 'a\nb')).message).toContain('control characters');
    expect(refusal(() => parseField(uploadNameSchema, 'a\u0000b')).status).toBe(400);
    expect(parseField(uploadNameSchema, '<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>'); // text, shown as text
  });

  it('keepPersonal: at most 1,000 column names of at most 1,000 characters', () => {
    expect(parseField(keepPersonalSchema, ' email , phone,,')).toEqual(['email', 'phone']);
    expect(parseField(keepPersonalSchema, Array.from({ length: 1000 }, (_, i) => `c${i}`).join(','))).toHaveLength(1000);
    expect(refusal(() => parseField(keepPersonalSchema, Array.from({ length: 1001 }, (_, i) => `c${i}`).join(','))).message).toContain('more than 1,000');
    expect(parseField(keepPersonalSchema, 'x'.repeat(1000))).toEqual(['x'.repeat(1000)]);
    expect(refusal(() => parseField(keepPersonalSchema, 'x'.repeat(1001))).message).toContain('longer than 1,000');
  });
});
