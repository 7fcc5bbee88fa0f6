import { cookies } from 'next/headers';
import { ApiError, errorResponse } from '@/lib/api/errors';
import { signIn, signOut } from '@/lib/auth/accounts';
import { currentUser, refuseCrossSite, setSessionCookie } from '@/app/server/request';
import { sessionSecret } from '@/lib/auth/sessionSecret';
import { SESSION_COOKIE } from '@/lib/auth/sessionToken';
import { getAccountStore } from '@/lib/storage/storeFromEnv';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/** GET /api/session: the signed-in user, or null. */
export async function GET(): Promise<Response> {
  try {
    return Response.json({ user: await currentUser() }, { headers: noStore });
  } catch (e) {
    return errorResponse(e);
  }
}

/** The credentials from a JSON body or a form (curl -d username=..&password=..). */
async function credentials(request: Request): Promise<{ username: unknown; password: unknown }> {
  const type = request.headers.get('content-type') ?? '';
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > 10_000) throw new ApiError(413, 'TooLarge', 'the sign-in request is too large');
  try {
    if (/^application\/json\b/i.test(type)) {
      const body: unknown = await request.json();
      if (body && typeof body === 'object') return body as { username: unknown; password: unknown };
    } else if (/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
      const form = await request.formData();
      return { username: form.get('username'), password: form.get('password') };
    }
  } catch {
    throw new ApiError(400, 'BadBody', 'the body is not valid JSON or form data');
  }
  throw new ApiError(415, 'UnsupportedMediaType', 'send {"username": ..., "password": ...} as JSON or a form');
}

/** POST /api/session {username, password}: signs in and sets the session cookie. */
export async function POST(request: Request): Promise<Response> {
  try {
    await refuseCrossSite();
    const store = getAccountStore();
    const result = await signIn(store, await credentials(request), await sessionSecret(store));
    if (!result.ok) {
      if (result.reason === 'Throttled')
        throw new ApiError(429, 'Throttled', `too many failed sign-ins for this username; try again in ${Math.round(result.retryAfterSeconds / 60)} minutes`, { retryAfterSeconds: result.retryAfterSeconds });
      throw new ApiError(401, 'InvalidCredentials', 'the username or password is not right');
    }
    await setSessionCookie(result.cookieValue, result.expiresAt);
    return Response.json({ user: result.user, expiresAt: result.expiresAt.toISOString() }, { headers: noStore });
  } catch (e) {
    const response = errorResponse(e);
    if (response.status === 429) response.headers.set('retry-after', String(15 * 60));
    return response;
  }
}

/** DELETE /api/session: signs out (the session ends on the server too). */
export async function DELETE(): Promise<Response> {
  try {
    await refuseCrossSite();
    const store = getAccountStore();
    const jar = await cookies();
    await signOut(store, jar.get(SESSION_COOKIE)?.value, await sessionSecret(store));
    jar.delete(SESSION_COOKIE);
    return new Response(null, { status: 204 });
  } catch (e) {
    return errorResponse(e);
  }
}
