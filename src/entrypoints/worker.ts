/**
 * The job worker for PostgreSQL deployments: runs the queued jobs (mail,
 * imports, retention). Start as many as needed; pg-boss never gives one job
 * to two workers. In embedded mode the server runs the jobs itself.
 */
import { jobDefinitions } from '../modules/index.ts';
import { ConfigError, readConfig } from '../platform/config/config.ts';
import { createAppContext } from '../platform/create-app-context.ts';
import { runJobs } from '../platform/jobs/run-jobs.ts';

async function main(): Promise<void> {
  const config = readConfig();
  if (config.databaseUrl === undefined) {
    throw new ConfigError(
      'DATABASE_URL',
      'the worker needs PostgreSQL; with the embedded database the server runs the jobs itself',
    );
  }
  const context = await createAppContext(config, { jobDefinitions });
  await context.jobs.start();
  await runJobs(context);
  console.log('Nabij worker running.');
  const stop = async () => {
    await context.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
