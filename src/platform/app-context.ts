/**
 * What a use case may need from the platform, built once per process by
 * `createAppContext` and handed to routes, jobs and CLI commands. Tests build
 * it against their own database and SMTP server.
 */
import type { Kysely } from 'kysely';
import type { Config } from './config/config.ts';
import type { Secrets } from './config/secrets.ts';
import type { PersonalDataCipher } from './crypto/personal-data-cipher.ts';
import type { DatabaseHandle } from './database/connect-database.ts';
import type { Database } from './database/tables.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import type { MailTransport } from './mail/mail-transport.ts';
import type { FileStore } from './storage/file-store.ts';

export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Kysely<Database>;
  secrets: Secrets;
  cipher: PersonalDataCipher;
  jobs: JobQueue;
  mail: MailTransport;
  /** Uploaded files (signal photos). */
  files: FileStore;
  /** The clock, replaceable in tests (lockouts, expiry, TOTP). */
  now(): Date;
}
