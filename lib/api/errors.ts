import { DatasetLookupError } from '../storage/datasetRegistry';
import { DatasetStoreError } from '../storage/datasetStore';
import { QueryError } from '../analysis/query';
import type { Problem } from '../ingest/types';
import { WeightChoiceError } from '../survey/weights';
import { RevisionMovedError, WeightingError } from '../weighting/problems';

/**
 * Errors of the HTTP API, answered as JSON `{ error: { code, message, problems? } }` with a status.
 * Route handlers throw ApiError (or the domain errors below) and `errorResponse` turns any of
 * them into the answer; anything unexpected becomes a 500 without internals.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiErrorBody {
  error: { code: string; message: string; problems?: Problem[] | unknown[]; [key: string]: unknown };
}

const LOOKUP_STATUS = { BadId: 400, NotFound: 404, Reference: 403, SignInRequired: 401, Forbidden: 403 } as const;

/**
 * Domain errors are recognised by name, not instanceof: the registry and store are process-wide
 * singletons (globalThis), so an error may come from another route bundle's copy of the class.
 */
function named<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T, name: string): error is T {
  return error instanceof type || (error instanceof Error && error.name === name);
}

/** Maps a thrown error to its status and JSON body. */
export function toApiError(error: unknown): ApiError {
  if (named(error, ApiError, 'ApiError')) return error;
  if (named(error, DatasetLookupError, 'DatasetLookupError')) return new ApiError(LOOKUP_STATUS[error.code], error.code, error.message);
  if (named(error, QueryError, 'QueryError')) return new ApiError(400, 'BadQuery', error.message);
  if (named(error, WeightChoiceError, 'WeightChoiceError')) return new ApiError(400, 'BadWeight', error.message);
  if (named(error, WeightingError, 'WeightingError')) return new ApiError(422, 'WeightingFailed', error.message, { problems: error.problems });
  if (named(error, RevisionMovedError, 'RevisionMovedError')) return new ApiError(412, 'RevisionMismatch', error.message, { revision: error.found });
  if (named(error, DatasetStoreError, 'DatasetStoreError')) return new ApiError(error.code === 'Closed' ? 503 : error.code === 'Conflict' ? 409 : 422, error.code, error.message);
  return new ApiError(500, 'InternalError', 'the server could not complete the request');
}

export function errorResponse(error: unknown): Response {
  const api = toApiError(error);
  if (api.status >= 500) console.error(error);
  const body: ApiErrorBody = { error: { code: api.code, message: api.message, ...api.extra } };
  return Response.json(body, { status: api.status, headers: { 'cache-control': 'no-store' } });
}
