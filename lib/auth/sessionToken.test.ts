import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSessionToken, tokenFromCookie, tokenHash } from './sessionToken';

const SECRET = 'a-test-secret-of-at-least-32-characters!';

describe('session tokens', () => {
  it('round-trips a signed cookie to its token', () => {
    const { token, cookieValue } = newSessionToken(SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenFromCookie(cookieValue, SECRET)).toBe(token);
  });

  it('refuses a forged, altered or differently signed cookie', () => {
    const { token, cookieValue } = newSessionToken(SECRET);
    expect(tokenFromCookie(cookieValue, 'another-secret-of-at-least-32-chars!!')).toBeNull();
    expect(tokenFromCookie(`${token}x.${cookieValue.split('.')[1]}`, SECRET)).toBeNull();
    expect(tokenFromCookie(`${token}.`, SECRET)).toBeNull();
    expect(tokenFromCookie(token, SECRET)).toBeNull();
    expect(tokenFromCookie('', SECRET)).toBeNull();
    expect(tokenFromCookie(undefined, SECRET)).toBeNull();
    expect(tokenFromCookie(`${'a'.repeat(300)}.b`, SECRET)).toBeNull();
  });

  it('stores only a SHA-256 of the token', () => {
    const { token } = newSessionToken(SECRET);
    expect(tokenHash(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(tokenHash(token)).not.toContain(token);
  });
});
