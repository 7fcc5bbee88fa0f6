import pg from 'pg';

/**
 * A connection pool that runs the schema migrations before its first operation (again after a
 * failure, e.g. the server was down), and whose close() waits for the operations under way. The
 * dataset store and the account store each keep one, on the same database.
 */
export interface MigratedPoolOptions {
  connectionString: string;
  maxConnections: number;
  /** Brings the database to the newest schema; runs once per pool. */
  prepare: (client: pg.ClientBase) => Promise<void>;
  /** The error an operation gets once close() was called. */
  closedError: () => Error;
  /** An error after which the connection is still clean and may be reused (a refusal that was rolled back). */
  leavesConnectionClean?: (error: unknown) => boolean;
}

export class MigratedPool {
  private readonly pool: pg.Pool;
  private ready: Promise<void> | null = null;
  private readonly running = new Set<Promise<unknown>>();
  private closedAt: Promise<void> | null = null;

  constructor(private readonly options: MigratedPoolOptions) {
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections });
    // An idle pooled connection that breaks (server restart) must not crash the process; the pool
    // drops it and the next operation opens a new one.
    this.pool.on('error', (e) => console.error(`PostgreSQL connection lost: ${e.message}`));
  }

  /** True once close() was called: no new operation starts. */
  get closing(): boolean {
    return this.closedAt !== null;
  }

  private init(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await this.options.prepare(client);
      } finally {
        client.release();
      }
    })().catch((e: unknown) => {
      this.ready = null;
      throw e;
    });
    return this.ready;
  }

  /** Runs an operation on a pooled connection, after the migrations; close() waits for it. */
  run<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(this.options.closedError());
    const task = (async () => {
      await this.init();
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        return await work(client);
      } catch (e) {
        // After a failed COPY or a lost connection the session state is unknown: do not reuse it.
        if (!this.options.leavesConnectionClean?.(e)) broken = e instanceof Error ? e : new Error(String(e));
        throw e;
      } finally {
        client.release(broken);
      }
    })();
    this.running.add(task);
    const forget = () => this.running.delete(task);
    task.then(forget, forget);
    return task;
  }

  /** Waits for the operations under way (a streaming put still running is rolled back), then closes. */
  close(): Promise<void> {
    this.closedAt ??= (async () => {
      while (this.running.size) await Promise.allSettled([...this.running]);
      await this.pool.end();
    })();
    return this.closedAt;
  }
}
