import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (node:crypto), stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt base64url>$<hash base64url>` so that the cost can be raised later
 * without invalidating stored hashes: verification reads the parameters from the hash itself.
 *
 * N = 2^15, r = 8, p = 3: one of the equivalent minimum settings in OWASP's Password Storage Cheat
 * Sheet (it trades memory for rounds against N = 2^17, p = 1): 32 MiB per hash instead of 128, so
 * that a burst of sign-ins cannot exhaust a small server's memory. 16-byte salt, 32-byte hash.
 */

const LOG2_N = 15;
const R = 8;
const P = 3;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number, length: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** log2N, r, p, maxmem: 2 ** log2N * r * 128 * 2 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Why a password cannot be used, or null if it can. */
export function passwordProblem(password: string): 'TooShort' | 'TooLong' | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'TooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'TooLong';
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, LOG2_N, R, P, HASH_BYTES);
  return ['scrypt', LOG2_N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

const STORED = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{16,})$/;

/** True if the password matches the stored hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = STORED.exec(stored);
  if (!m || password.length > PASSWORD_MAX_LENGTH) return false;
  const [log2N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (log2N < 10 || log2N > 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const expected = Buffer.from(m[5], 'base64url');
  const actual = await derive(password, Buffer.from(m[4], 'base64url'), log2N, r, p, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password, to verify against when the username is unknown: the answer then
 * takes as long as for a known user with a wrong password (no timing hint at which names exist).
 */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(24).toString('base64url')));
