import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session tokens. The browser holds `<token>.<signature>` in an httpOnly cookie; the database holds
 * only SHA-256(token), so a copy of the database does not let anyone sign in. The HMAC signature
 * (key shared by every instance, see sessionSecret.ts) lets a server reject forged or mangled
 * cookies without a database query.
 */

export const SESSION_COOKIE = 'pad_session';
/** Sessions last 12 hours from sign-in; then the user signs in again. */
export const SESSION_HOURS = 12;

const TOKEN_BYTES = 32;

const sign = (token: string, secret: string) => createHmac('sha256', secret).update(token).digest('base64url');

export function newSessionToken(secret: string): { token: string; cookieValue: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, cookieValue: `${token}.${sign(token, secret)}` };
}

/** The token inside a cookie value whose signature is valid, or null. */
export function tokenFromCookie(value: string | undefined, secret: string): string | null {
  if (!value || value.length > 200) return null;
  const dot = value.indexOf('.');
  if (dot <= 0) return null;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), 'base64url');
  const expected = Buffer.from(sign(token, secret), 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
