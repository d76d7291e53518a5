/**
 * The job queue: pg-boss on the application's database. `send` can take a
 * Kysely transaction so a job is enqueued only if the write that needs it
 * commits. On PGlite pg-boss runs through the same single-connection pool.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { DatabaseHandle } from '../database/connect-database.ts';
import type { Database } from '../database/tables.ts';
import { queueName, type JobDefinition } from './job-definition.ts';

export interface JobQueueStatus {
  ok: boolean;
  running: boolean;
  workers: number;
  error?: string;
}

export class JobQueue {
  private readonly boss: PgBoss;
  private started = false;
  private workers = 0;
  private lastError: string | undefined;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly definitions: readonly JobDefinition[],
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => database.executeSql(text, values) },
      schema: 'pgboss',
      // Maintenance every few minutes is enough; PGlite has one connection to share.
      maintenanceIntervalSeconds: 300,
      monitorStateIntervalSeconds: 300,
    });
    this.boss.on('error', (error: Error) => {
      this.lastError = error.message;
    });
  }

  /** Creates pg-boss's schema and the queues. Safe to call in every process. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const definition of this.definitions) {
      const name = queueName(definition);
      if (!(await this.boss.getQueue(name))) {
        await this.boss.createQueue(name, {
          name,
          retryLimit: definition.retryLimit,
          retryDelay: definition.retryDelaySeconds,
          retryBackoff: true,
          ...(definition.expireInMinutes ? { expireInSeconds: definition.expireInMinutes * 60 } : {}),
        });
      }
      if (definition.cron) await this.boss.schedule(name, definition.cron, {}, { tz: 'UTC' });
    }
    this.started = true;
  }

  /** Runs the handlers in this process (the worker; or the server in embedded mode). */
  async work(
    handle: (definition: JobDefinition, data: unknown) => Promise<void>,
    pollingIntervalSeconds = 2,
  ) {
    for (const definition of this.definitions) {
      await this.boss.work(queueName(definition), { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          if (!Value.Check(definition.schema, job.data)) {
            // A payload that does not match its version's schema can never succeed: fail it for good.
            throw new Error(`Job ${queueName(definition)} ${job.id} has invalid data`);
          }
          await handle(definition, job.data);
        }
      });
      this.workers += 1;
    }
  }

  async send<S extends TSchema>(
    definition: JobDefinition<S>,
    data: Static<S>,
    transaction?: Kysely<Database>,
  ): Promise<string | null> {
    if (!Value.Check(definition.schema, data)) {
      throw new Error(`Refusing to enqueue ${queueName(definition)}: data does not match its schema`);
    }
    const options: PgBoss.SendOptions = {};
    if (transaction) {
      options.db = {
        executeSql: async (text, values) => {
          const result = await transaction.executeQuery(CompiledQuery.raw(text, values as unknown[]));
          return { rows: result.rows as unknown[] };
        },
      };
    }
    return this.boss.send(queueName(definition), data as object, options);
  }

  async status(): Promise<JobQueueStatus> {
    if (!this.started) return { ok: false, running: false, workers: 0, error: 'not started' };
    try {
      await this.database.executeSql('select 1 from pgboss.version limit 1');
      return {
        ok: this.lastError === undefined,
        running: true,
        workers: this.workers,
        ...(this.lastError ? { error: this.lastError } : {}),
      };
    } catch (error) {
      return { ok: false, running: true, workers: this.workers, error: (error as Error).message };
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 5000 });
  }
}
