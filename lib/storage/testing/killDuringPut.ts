/**
 * Test helper run as a child process by the store contract (datasetStore.contract.ts): starts a put
 * that streams rows forever into the store at argv[2] (a data folder for SQLite, or a postgres://
 * URL), says "writing" once argv[3] rows (default 200,000) are in the open transaction, and waits to
 * be killed with SIGKILL, as a server would be in a crash or power cut. With a dataset id as
 * argv[4], the endless rows replace that dataset's rows instead (`replace`), so the kill lands in
 * the middle of a replace.
 */
import { randomBytes } from 'node:crypto';
import { openStoreFromEnv } from '../storeFromEnv';

const target = process.argv[2];
const signalAfter = Number(process.argv[3] ?? 200_000);
const replaceId = process.argv[4];
const store = openStoreFromEnv((/^postgres(ql)?:/.test(target) ? { DATABASE_URL: target } : { DATA_DIR: target }) as unknown as NodeJS.ProcessEnv);

async function* endless(): AsyncGenerator<string[]> {
  for (let i = 1; ; i++) {
    // Hard-to-compress rows, so the open transaction spills pages to disk before the kill.
    yield [`k${i}`, randomBytes(96).toString('base64'), String(i % 5)];
    if (i === signalAfter) {
      process.stdout.write('writing\n');
      await new Promise(() => undefined); // hang inside the transaction until killed
    }
  }
}

const codebook = { studyStyle: 'X', synthetic: false } as never;
const header = ['id', 'pad', 'code'];
if (replaceId) void store.replace(replaceId, { codebook, header, rows: endless() });
else void store.put({ name: 'never finished', codebook, header, rows: endless() });
