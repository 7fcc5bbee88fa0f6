import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$15\$8\$3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password 1')).not.toBe(await hashPassword('same password 1'));
  });

  it('is plain scrypt with the stored parameters (an independent computation agrees)', async () => {
    const stored = await hashPassword('independent check');
    const [, logN, r, p, salt, hash] = stored.split('$');
    const expected = scryptSync('independent check', Buffer.from(salt, 'base64url'), 32, { N: 2 ** Number(logN), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 });
    expect(expected.toString('base64url')).toBe(hash);
  });

  it('reads the cost from the hash, so older hashes keep working after the cost changes', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const old = scryptSync('legacy password', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    expect(await verifyPassword('legacy password', `scrypt$14$8$1$${salt.toString('base64url')}$${old.toString('base64url')}`)).toBe(true);
  });

  it('treats a malformed or absurd stored hash as no match, without throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$15$8$1$x$y', 'scrypt$40$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA', 'bcrypt$2b$10$abc'])
      expect(await verifyPassword('whatever password', bad)).toBe(false);
  });

  it('asks for 10 to 200 characters', () => {
    expect(passwordProblem('123456789')).toBe('TooShort');
    expect(passwordProblem('1234567890')).toBeNull();
    expect(passwordProblem('x'.repeat(200))).toBeNull();
    expect(passwordProblem('x'.repeat(201))).toBe('TooLong');
  });
});
