import type { Locale } from '@/lib/survey/codebook';
import type { WeightingProblem } from '@/lib/weighting/problems';
import { weightingText } from './messages';

/**
 * What a refused weights request says, in the reader's language: each weighting problem (the API
 * gives them in English and Dutch), else the API's message, else that the server was not reached.
 */
export async function requestFailure(response: Response | null, locale: Locale): Promise<string[]> {
  if (!response) return [weightingText(locale, 'networkFailed')];
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; problems?: WeightingProblem[] } } | null;
  if (response.status === 412 || response.status === 409) return [weightingText(locale, 'changed')];
  const problems = body?.error?.problems?.filter((p) => p.message && typeof p.message === 'object') ?? [];
  if (problems.length) return problems.map((p) => p.message[locale]);
  return [body?.error?.message ? `${body.error.message.charAt(0).toUpperCase()}${body.error.message.slice(1)}.` : `HTTP ${response.status}`];
}
