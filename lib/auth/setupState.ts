import { getAccountStore } from '../storage/storeFromEnv';

/**
 * Whether the install has any account yet (else the header offers the first-time setup). Once it
 * has, it always will (the last admin cannot be deleted), so the answer is kept and signed-out
 * page views stop asking the database.
 */
let hasUsers = false;

export async function installHasUsers(): Promise<boolean> {
  if (hasUsers) return true;
  hasUsers = (await getAccountStore().countUsers()) > 0;
  return hasUsers;
}
