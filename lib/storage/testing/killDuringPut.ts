/**
 * Test helper run as a child process by sqliteDatasetStore.test.ts: starts a put that streams rows
 * forever, says "writing" once many rows (dozens of chunks, spilled into the WAL file) are in the open transaction, and waits to
 * be killed with SIGKILL, as a server would be in a crash or power cut.
 */
import { randomBytes } from 'node:crypto';
import { openSqliteDatasetStore } from '../sqliteDatasetStore';

const dataDir = process.argv[2];
const store = openSqliteDatasetStore({ dataDir });

async function* endless(): AsyncGenerator<string[]> {
  for (let i = 1; ; i++) {
    // Hard-to-compress rows, so the open transaction spills pages into the WAL file before the kill.
    yield [`k${i}`, randomBytes(96).toString('base64'), String(i % 5)];
    if (i === 200_000) {
      process.stdout.write('writing\n');
      await new Promise(() => undefined); // hang inside the transaction until killed
    }
  }
}

void store.put({ name: 'never finished', codebook: { studyStyle: 'X', synthetic: false } as never, header: ['id', 'pad', 'code'], rows: endless() });
