/**
 * Assembles the platform for one process from the configuration: database
 * (PGlite in the data folder, or PostgreSQL), migrations, secrets, job queue
 * and mail transport. Embedded mode locks the data folder first.
 */
import path from 'node:path';
import type { AppContext } from './app-context.ts';
import type { Config } from './config/config.ts';
import { loadSecrets } from './config/secrets.ts';
import { createPersonalDataCipher } from './crypto/personal-data-cipher.ts';
import { connectDatabase, type DatabaseHandle } from './database/connect-database.ts';
import { lockDataFolder, type DataFolderLock } from './database/data-folder-lock.ts';
import { migrateToLatest } from './database/migrate.ts';
import type { JobDefinition } from './jobs/job-definition.ts';
import { createLocalFileStore } from './storage/file-store.ts';
import { JobQueue } from './jobs/job-queue.ts';
import { createOutboxTransport, createSmtpTransport, type MailTransport } from './mail/mail-transport.ts';

export interface RunningContext extends AppContext {
  close(): Promise<void>;
}

export interface CreateContextOptions {
  jobDefinitions: readonly JobDefinition[];
  /** Tests pass their own database; it is not closed by `close()`. */
  database?: DatabaseHandle;
  mail?: MailTransport;
  now?: () => Date;
  /** Run migrations (default true). */
  migrate?: boolean;
}

export async function createAppContext(
  config: Config,
  options: CreateContextOptions,
): Promise<RunningContext> {
  let lock: DataFolderLock | undefined;
  let database = options.database;
  const ownsDatabase = database === undefined;
  if (!database) {
    if (config.databaseUrl === undefined) lock = lockDataFolder(config.dataDir);
    try {
      database = await connectDatabase({
        databaseUrl: config.databaseUrl,
        pgliteDataDir: path.join(config.dataDir, 'db'),
      });
    } catch (error) {
      lock?.release();
      throw error;
    }
  }
  if (options.migrate !== false) await migrateToLatest(database.db as never);
  const secrets = loadSecrets(config);
  const mail = options.mail ?? (config.smtp ? createSmtpTransport(config.smtp) : createOutboxTransport());
  const jobs = new JobQueue(database, options.jobDefinitions);
  const handle = database;
  return {
    config,
    database: handle,
    db: handle.db,
    secrets,
    cipher: createPersonalDataCipher(secrets.encryptionKey),
    jobs,
    mail,
    files: createLocalFileStore(config.uploadsDir),
    now: options.now ?? (() => new Date()),
    async close() {
      await jobs.stop();
      mail.close();
      if (ownsDatabase) await handle.close();
      lock?.release();
    },
  };
}
