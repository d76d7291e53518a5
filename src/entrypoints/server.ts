/**
 * The web server. In embedded mode (no DATABASE_URL) it is the only process:
 * it owns the data folder, runs the jobs and loads the demo zone on first run.
 * With PostgreSQL, jobs run in `npm run worker` unless NABIJ_RUN_JOBS_IN_SERVER.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jobDefinitions, routeModules } from '../modules/index.ts';
import { ensureDemoZone } from '../modules/demo/ensure-demo-zone.ts';
import { ConfigError, readConfig } from '../platform/config/config.ts';
import { createAppContext } from '../platform/create-app-context.ts';
import { DataFolderBusyError } from '../platform/database/data-folder-lock.ts';
import { buildApp } from '../platform/http/build-app.ts';
import { runJobs } from '../platform/jobs/run-jobs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const config = readConfig();
  const context = await createAppContext(config, { jobDefinitions });
  await context.jobs.start();
  if (config.runJobsInServer) await runJobs(context);
  if (config.demo) {
    const demo = await ensureDemoZone(context);
    if (demo.created)
      console.log(
        `Loaded the demo zone "${demo.slug}" (${demo.areas} neighbourhoods in ${demo.districts} districts, ${demo.officers} officers).`,
      );
  }
  const app = await buildApp(context, { routeModules, webDist: path.join(root, 'web/dist') });
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
  console.log(
    `\nNabij is running: open ${shown}\n  database: ${context.database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL'}\n  mail: ${context.mail.kind === 'outbox' ? `demo outbox (${shown}/outbox)` : 'SMTP'}\n  API docs: ${shown}/api/docs\n`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Nabij…`);
    await app.close();
    await context.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataFolderBusyError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
