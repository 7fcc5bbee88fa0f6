import { describe, expect, it } from 'vitest';
import { answerPolarity, looksMissing } from './answerWords';
import { ageBands, bandsText, demographicOf, parseBands, ratingBands } from './demographics';
import { familyKeys, headerParts, shortLabel } from './headers';
import { matchHeaders, columnsMap } from './matchHeaders';
import { profileColumns } from './profile';
import { anchorsOf, detectScale } from './scales';

describe('answer polarity', () => {
  it.each([
    ['Very acceptable', 2],
    ['Somewhat acceptable', 1],
    ['Neither acceptable nor unacceptable', 0],
    ['Somewhat unacceptable', -1],
    ['Not acceptable at all', -2],
    ['Strongly agree', 2],
    ['Agree', 1.5],
    ['Disagree', -1.5],
    ['Helemaal mee eens', 2],
    ['Niet mee eens', -1.5],
    ['Zeer onwaarschijnlijk', -2],
    ['OK', 1.5],
    ['Not OK', -1.5],
    ['Depends', 0],
    ['TRUE', 1.5],
    ['No', -1.5],
    ["I don't like it", -1.5],
  ])('%s reads %d', (label, polarity) => expect(answerPolarity(label)).toBe(polarity));
  it.each(['Female', 'Netherlands', '18-24', 'Prefer not to say', '3'])('%s has no polarity', (label) => expect(answerPolarity(label)).toBeNull());
  it('knows the usual missing markers and leaves answers alone', () => {
    for (const v of ['NA', 'N/A', '#N/A', '-', "Don't know", 'weet niet', 'NULL']) expect(looksMissing(v)).toBe(true);
    for (const v of ['No', '0', 'None of these', 'Neutral']) expect(looksMissing(v)).toBe(false);
  });
});

describe('scales', () => {
  it('orders a text scale from most to least positive and proposes the positive answers', () => {
    const s = detectScale(['Somewhat unacceptable', 'Very acceptable', 'Not acceptable at all', 'Somewhat acceptable', 'Neither acceptable nor unacceptable'])!;
    expect(s.codes).toEqual(['Very acceptable', 'Somewhat acceptable', 'Neither acceptable nor unacceptable', 'Somewhat unacceptable', 'Not acceptable at all']);
    expect(s.positive).toEqual(['Very acceptable', 'Somewhat acceptable']);
    expect(s.direction).toBe('labels');
  });
  it('reads the direction of a numeric scale from the header anchors: 1 = very likely is positive', () => {
    const s = detectScale(['1', '2', '3', '4', '5'], 'How likely ...? (1 = very likely, 5 = very unlikely) - Banks')!;
    expect(s).toMatchObject({ kind: 'numeric', codes: ['1', '2', '3', '4', '5'], positive: ['1', '2'], direction: 'anchors' });
    expect(s.labels).toEqual({ 1: '1 = very likely', 5: '5 = very unlikely' });
    expect(detectScale(['1', '2', '3'], '(1 = not OK, 3 = OK)')!.positive).toEqual(['3']);
  });
  it('never guesses the direction of a bare numeric scale: no positive code until the analyst says', () => {
    const s = detectScale(['1', '2', '3'], 'dt_gender')!;
    expect(s).toMatchObject({ kind: 'numeric', positive: [], direction: 'unknown' });
  });
  it('fills the gaps of a numeric scale and sets a far "don\'t know" code apart', () => {
    const s = detectScale(['1', '2', '4', '5', '99'])!;
    expect(s.codes).toEqual(['1', '2', '3', '4', '5']);
    expect(s.sentinels).toEqual(['99']);
  });
  it('recognises TRUE/FALSE, 1/0 and yes/no, with both codes even when the sample has one', () => {
    expect(detectScale(['FALSE'])).toMatchObject({ kind: 'binary', codes: ['TRUE', 'FALSE'], positive: ['TRUE'] });
    expect(detectScale(['0', '1'])).toMatchObject({ kind: 'binary', codes: ['1', '0'], positive: ['1'] });
    expect(detectScale(['Nee', 'Ja'])).toMatchObject({ kind: 'binary', codes: ['Ja', 'Nee'], positive: ['Ja'] });
  });
  it('does not take names, places or many numbers for a scale', () => {
    expect(detectScale(['Female', 'Male'])).toBeNull();
    expect(detectScale(['18', '25', '40', '61'])).toBeNull();
    expect(detectScale(['Email', 'SMS', 'Post'])).toBeNull();
  });
  it('reads anchors in several spellings', () => {
    expect([...anchorsOf('(1 = very weak, 5 = very strong)')]).toEqual([[1, 'very weak'], [5, 'very strong']]);
    expect([...anchorsOf('1: helemaal oneens; 7: helemaal eens')]).toEqual([[1, 'helemaal oneens'], [7, 'helemaal eens']]);
  });
});

describe('headers', () => {
  it('reads a bracketed export header: number, key, question, option', () => {
    const p = headerParts('[Q5] [acceptability.location] How acceptable is it? - Your current location');
    expect(p).toMatchObject({ question: 'Q5', key: 'acceptability.location', prefix: 'acceptability', rest: 'location', option: 'Your current location' });
    expect(shortLabel(p)).toBe('Your current location');
  });
  it('finds families from shared prefixes and question stems, not from lone columns', () => {
    expect(familyKeys(['id', 'Q5_1', 'Q5_2', 'Q7_BrandBond', 'acc.a', 'acc.b', 'How OK is it? - Email', 'How OK is it? - SMS', 'age'])).toEqual([
      undefined, 'p:q5', 'p:q5', undefined, 'p:acc', 'p:acc', 's:how ok is it?', 's:how ok is it?', undefined,
    ]);
  });
  it('labels lone columns by their key in words', () => {
    expect(shortLabel(headerParts('[Q7] [Q7_BrandBond] How strong is your bond?'), false)).toBe('Brand bond');
    expect(shortLabel(headerParts('respondent_id'), false)).toBe('Respondent id');
    expect(shortLabel(headerParts('dt_gender'))).toBe('Gender');
  });
});

describe('demographics and bands', () => {
  const profile = (column: string, values: string[]) => profileColumns([column], values.map((v) => [v]))[0];
  it('knows demographics by header words in several languages, and by their values', () => {
    expect(demographicOf(headerParts('[Q2] [gender] What is your gender?'), profile('x', ['Female']))).toBe('gender');
    expect(demographicOf(headerParts('Leeftijd'), profile('Leeftijd', ['34']))).toBe('age');
    expect(demographicOf(headerParts('Q1'), profile('Q1', ['Female', 'Male', 'Female']))).toBe('gender');
    expect(demographicOf(headerParts('S2'), profile('S2', ['Netherlands', 'Germany', 'United Kingdom']))).toBe('country');
    expect(demographicOf(headerParts('acceptability.location'), profile('x', ['Very acceptable']))).toBeUndefined();
  });
  it('proposes age bands 18-29, 30-44, 45-59, 60+ (under 18 first when the data hold younger people)', () => {
    expect(bandsText(ageBands(profile('age', ['18', '85'])).bands, 0, 120)).toBe('18-29, 30-44, 45-59, 60+');
    expect(bandsText(ageBands(profile('age', ['16', '85'])).bands, 0, 120)).toBe('<18, 18-29, 30-44, 45-59, 60+');
  });
  it('bands a rating low, middle, high, named from its anchors', () => {
    const bands = ratingBands(1, 5, '(1 = very weak, 5 = very strong)').bands;
    expect(bands.map((b) => [b.label.en, b.min, b.max])).toEqual([['Weak (1-2)', 1, 2], ['Middle (3)', 3, 3], ['Strong (4-5)', 4, 5]]);
    expect(ratingBands(0, 10).bands.map((b) => [b.min, b.max])).toEqual([[0, 6], [7, 8], [9, 10]]);
  });
  it('parses typed bands, keeps the labels of unchanged ranges and explains mistakes', () => {
    const previous = ratingBands(1, 5, '(1 = very weak, 5 = very strong)').bands;
    const parsed = parseBands('1-2, 3-5', 1, 5, previous);
    expect(parsed.ok && parsed.bands.map((b) => b.label.en)).toEqual(['Weak (1-2)', '3-5']);
    expect(parseBands('18-29, 25-44', 0, 120)).toMatchObject({ ok: false, message: { en: '25-44 overlaps 18-29' } });
    expect(parseBands('teens', 0, 120)).toMatchObject({ ok: false });
    expect(parseBands('18-29, 150+', 0, 120)).toMatchObject({ ok: false, message: { en: '150+ is outside 0-120' } });
  });
});

describe('matching headers across files', () => {
  it('matches a dotted short name to its bracketed long header, and a renamed column by its words', () => {
    const dataset = ['ResponseId', '[Q3] [age] What is your age in years?', '[Q5] [acc.location] How OK? - Location', '[Q5] [acc.photos] How OK? - Photos', 'weight'];
    const match = matchHeaders(dataset, ['acc.photos', 'Age (years)', 'ResponseId', 'acc.location', 'extra']);
    expect(match.columns.map((c) => [c.column, c.how])).toEqual([['acc.photos', 'key'], ['Age (years)', 'similar'], ['ResponseId', 'same'], ['acc.location', 'key'], ['extra', null]]);
    expect(match.unmatched).toEqual(['weight']);
    expect(columnsMap(match)).toEqual({ 'acc.photos': dataset[3], 'Age (years)': dataset[1], 'acc.location': dataset[2] });
  });
  it('leaves a column to the analyst when two dataset columns fit it equally', () => {
    expect(matchHeaders(['[Q1] [a] x', '[Q2] [a] y'], ['a']).columns[0].target).toBeNull();
  });
});

describe('source values of several files', () => {
  it('keeps what differs between the file names', async () => {
    const { sourceValues, freeColumnName } = await import('./sources');
    expect(sourceValues(['personalisation_survey_NL_DE.csv', 'personalisation_survey_UK.csv'])).toEqual(['NL_DE', 'UK']);
    expect(sourceValues(['wave 1.csv', 'wave 2.csv', 'wave 10.csv'])).toEqual(['1', '2', '10']);
    expect(sourceValues(['a.csv', 'a.csv'])).toEqual(['file 1', 'file 2']);
    expect(freeColumnName(['id', 'source'])).toBe('source_2');
  });
});

describe('a codebook applied to the next file', () => {
  it('renames its columns to a file whose headers differ only in style, and leaves out a source column the file lacks', async () => {
    const { fitCodebookToHeader } = await import('./fitCodebook');
    const { ownSurveyCodebook, OWN_SURVEY_HEADERS } = await import('../ingest/testing/ownSurvey');
    const codebook = ownSurveyCodebook({ source: true });
    const fitted = fitCodebookToHeader(codebook, OWN_SURVEY_HEADERS.b);
    expect(fitted.renamed).toBe(34);
    expect(fitted.codebook.sourceColumn).toBeUndefined();
    expect(fitted.codebook.attributes.map((a) => a.column)).toEqual(['country', 'gender', 'age', 'education', 'Q7_BrandBond']);
    expect(fitted.codebook.items[0].column).toBe('acceptability.location');
    expect(fitCodebookToHeader(ownSurveyCodebook(), OWN_SURVEY_HEADERS.a)).toEqual({ codebook: ownSurveyCodebook(), renamed: 0 });
  });
});
