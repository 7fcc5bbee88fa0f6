/**
 * npm run user:create -- --username alice --role analyst [--password-stdin]
 *
 * Creates an account on the server's own database (DATABASE_URL, else DATA_DIR's SQLite file, as
 * the app itself chooses), with the same rules and audit-log entry as the admin page. The password
 * comes from the environment variable PAD_PASSWORD, or one line on standard input
 * (--password-stdin; e.g. from a secrets manager), or is asked for without echo on a terminal;
 * never from the command line, where it would land in the shell history and the process list.
 * Roles: admin, analyst, strategist, executive. Exit 0 when created, 1 with a message otherwise.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AccountError, createAccount } from '../lib/auth/accounts';
import { ROLES } from '../lib/storage/accountStore';
import { closeAccountStore, closeDatasetStore, getAccountStore } from '../lib/storage/storeFromEnv';

const PROBLEMS: Record<string, string> = {
  BadUsername: 'choose a username of 1 to 64 letters, digits or . _ @ -',
  BadRole: `the role must be one of ${ROLES.join(', ')}`,
  PasswordTooShort: 'the password needs at least 10 characters',
  PasswordTooLong: 'the password may have at most 200 characters',
  UsernameTaken: 'that username is taken',
};

async function readLine(prompt: string | null): Promise<string> {
  const silent = prompt !== null && process.stdin.isTTY;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: silent });
  if (silent) {
    // Echo nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    process.stdout.write(prompt);
  }
  const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')));
  rl.close();
  if (silent) process.stdout.write('\n');
  return line;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } } });
  if (!values.username || !values.role) {
    console.error(`usage: npm run user:create -- --username NAME --role ${ROLES.join('|')} [--password-stdin]   (password: PAD_PASSWORD, stdin, or asked for)`);
    return 1;
  }
  const password = process.env.PAD_PASSWORD ?? (values['password-stdin'] || !process.stdin.isTTY ? await readLine(null) : await readLine('Password: '));
  try {
    const user = await createAccount(getAccountStore(), null, { username: values.username, role: values.role, password });
    console.log(`created ${user.role} account "${user.username}"`);
    return 0;
  } catch (e) {
    if (e instanceof AccountError) {
      console.error(`not created: ${PROBLEMS[e.code] ?? e.code}`);
      return 1;
    }
    throw e;
  } finally {
    await closeAccountStore();
    await closeDatasetStore();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
