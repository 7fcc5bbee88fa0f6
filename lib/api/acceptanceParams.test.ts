import { describe, expect, it } from 'vitest';
import { parseAcceptanceParams } from './acceptanceParams';
import { ApiError } from './errors';

const parse = (qs: string) => parseAcceptanceParams(new URLSearchParams(qs));
const refused = (qs: string) => {
  try {
    parse(qs);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(400);
    return (e as ApiError).message;
  }
  throw new Error(`"${qs}" was accepted`);
};

describe('parseAcceptanceParams', () => {
  it('defaults: every item on its own row, JSON, English', () => {
    expect(parse('')).toEqual({ query: { by: ['item'] }, format: 'json', locale: 'en' });
  });

  it('reads grouping, items, family, outcome, minimum base and format', () => {
    expect(parse('by=country,gender&item=dt_gender,dt_address&family=dataType&outcome=3&minBase=50&format=csv&lang=nl')).toEqual({
      query: { by: ['country', 'gender'], items: ['dt_gender', 'dt_address'], family: 'dataType', outcome: ['3'], minBase: 50 },
      format: 'csv',
      locale: 'nl',
    });
    expect(parse('item=a&item=b').query.items).toEqual(['a', 'b']);
  });

  it('a single item without by gives one overall figure, as in the CLI', () => {
    expect(parse('item=dt_gender').query.by).toEqual([]);
  });

  it('reads filters: codes joined by "+" (a space once decoded), attributes by commas or repeated; %2B is a literal "+"', () => {
    expect(parse('filter=country:NL+DE,gender:F').query.filter).toEqual({ country: ['NL', 'DE'], gender: ['F'] });
    expect(parse('filter=country:NL%20DE&filter=bond:strong').query.filter).toEqual({ country: ['NL', 'DE'], bond: ['strong'] });
    expect(parse('filter=age_band:50%2B+18-34').query.filter).toEqual({ age_band: ['50+', '18-34'] });
  });

  it('refuses what it does not understand, with a message naming it', () => {
    expect(refused('colour=red')).toContain('unknown parameter "colour"');
    expect(refused('format=xml')).toContain('format must be json or csv');
    expect(refused('minBase=-1')).toContain('minBase');
    expect(refused('minBase=3.5')).toContain('minBase');
    expect(refused('minBase=abc')).toContain('minBase');
    expect(refused('minBase=1&minBase=2')).toContain('once');
    expect(refused('by=country,,gender')).toContain('empty');
    expect(refused('by=<script>')).toContain('not a valid id');
    expect(refused('filter=country')).toContain('attr:code');
    expect(refused('filter=country:')).toContain('attr:code');
    expect(refused('filter=country:NL,country:DE')).toContain('twice');
    expect(refused('lang=fr')).toContain('lang');
    expect(refused(`item=${'x'.repeat(65)}`)).toContain('not a valid id');
  });
});
