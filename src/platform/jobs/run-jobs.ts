/** Starts handling every job definition in this process. */
import type { AppContext } from '../app-context.ts';

export async function runJobs(context: AppContext): Promise<void> {
  await context.jobs.work(async (definition, data) => {
    await definition.handle(data as never, context);
  });
}
