/**
 * A child process for the account store contract's cross-process race: opens an account store
 * (`sqlite <dataDir>` or `postgres <url>`), migrates it, prints "ready", waits for "go" on stdin,
 * then tries to create the first user and prints "won" or the refusal's code.
 *
 *   node --import tsx lib/storage/testing/createFirstUser.ts sqlite /tmp/data alice
 */
import { createInterface } from 'node:readline';
import { AccountStoreError, type AccountStore } from '../accountStore';
import { openPostgresAccountStore } from '../postgresAccountStore';
import { openSqliteAccountStore } from '../sqliteAccountStore';

async function main() {
  const [backend, location, username] = process.argv.slice(2);
  const store: AccountStore = backend === 'postgres' ? openPostgresAccountStore({ connectionString: location }) : openSqliteAccountStore({ dataDir: location });
  await store.countUsers(); // migrated and connected before the start signal
  console.log('ready');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;
  lines.close();
  try {
    await store.createUser({ username, role: 'admin', passwordHash: `hash-of-${username}` }, { onlyIfNoUsers: true });
    console.log('won');
  } catch (e) {
    console.log(e instanceof AccountStoreError ? e.code : `error ${String(e)}`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
