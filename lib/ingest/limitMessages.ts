import { fill, formatNumber } from '../i18n/messages';
import type { Label, Locale } from '../survey/codebook';
import type { Problem } from './types';

/**
 * The upload limits' problems in English and Dutch. The validators write an English message (the
 * API's and the CSV report's language) and put the limit on the problem; the upload panel words it
 * in the reader's language from that.
 */
const LIMIT_MESSAGES: Record<string, Label> = {
  FileTooLarge: { en: 'The file is {found}; the limit is {max}.', nl: 'Het bestand is {found}; de limiet is {max}.' },
  TooManyRows: { en: 'The file has more than {max} rows, the limit; reading stopped there.', nl: 'Het bestand heeft meer dan {max} rijen, de limiet; het lezen is daar gestopt.' },
  TooManyColumns: { en: 'The file has {found} columns; the limit is {max}.', nl: 'Het bestand heeft {found} kolommen; de limiet is {max}.' },
  HeaderTooLong: { en: 'This column name has {found} characters; the limit is {max}.', nl: 'Deze kolomnaam heeft {found} tekens; de limiet is {max}.' },
  FieldTooLong: { en: 'A field has {found} characters; the limit is {max}.', nl: 'Een veld heeft {found} tekens; de limiet is {max}.' },
  CodebookTooLarge: { en: 'The codebook is {found}; the limit is {max}.', nl: 'Het codeboek is {found}; de limiet is {max}.' },
};

function amount(n: number, unit: NonNullable<Problem['limit']>['unit'], locale: Locale): string {
  if (unit !== 'bytes') return formatNumber(n, locale);
  if (n >= 1024 * 1024) return `${formatNumber(n / 1024 / 1024, locale, n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${formatNumber(n / 1024, locale, 0)} KB`;
  return `${formatNumber(n, locale)} bytes`;
}

/** The problem's message in the reader's language: limits are worded from their numbers, other problems keep theirs. */
export function problemMessage(problem: Problem, locale: Locale): string {
  const template = LIMIT_MESSAGES[problem.code];
  const limit = problem.limit;
  if (!template || !limit) return problem.message;
  return fill(template[locale], { max: amount(limit.max, limit.unit, locale), found: limit.found === undefined ? '?' : amount(limit.found, limit.unit, locale) });
}

/** The codebook file is over the limit: the problem the upload panel shows (the server answers 413 CodebookTooLarge). */
export function codebookTooLargeProblem(size: number, max: number): Problem {
  return { type: 'error', code: 'CodebookTooLarge', message: `the codebook is ${size} bytes; the limit is ${max}`, limit: { max, unit: 'bytes', found: size } };
}
