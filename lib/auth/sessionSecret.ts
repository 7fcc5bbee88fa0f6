import { randomBytes } from 'node:crypto';
import type { AccountStore } from '../storage/accountStore';

/**
 * The key that signs session cookies. SESSION_SECRET (at least 32 characters) when the operator
 * sets one; otherwise a random key made on first use and kept in the database, so that every
 * instance sharing the database signs alike and sessions survive a restart without any setup.
 */
const SECRET_NAME = 'session-signing-key';
const cache = new WeakMap<AccountStore, Promise<string>>();

export function sessionSecret(store: AccountStore, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env.SESSION_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) return Promise.reject(new Error('SESSION_SECRET must have at least 32 characters (e.g. openssl rand -base64 32), or be unset to keep a generated key in the database'));
    return Promise.resolve(configured);
  }
  let secret = cache.get(store);
  if (!secret) {
    secret = store.sharedSecret(SECRET_NAME, randomBytes(32).toString('base64url'));
    secret.catch(() => cache.delete(store));
    cache.set(store, secret);
  }
  return secret;
}
