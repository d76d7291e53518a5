/**
 * A job is a named, versioned definition with a schema for its data (as in
 * Documenso). The queue name carries the version, so a changed payload gets a
 * new queue and old jobs still meet the handler that understands them.
 * Delivery is at least once: handlers must be safe to repeat.
 */
import type { Static, TSchema } from 'typebox';
import type { AppContext } from '../app-context.ts';

export interface JobDefinition<S extends TSchema = TSchema> {
  name: string;
  version: number;
  schema: S;
  retryLimit: number;
  retryDelaySeconds: number;
  /** How long one run may take before it is considered lost and retried (default 15 min). */
  expireInMinutes?: number;
  /** Run on a schedule (cron, UTC) with empty data; pg-boss makes sure one process enqueues each run. */
  cron?: string;
  handle(data: Static<S>, context: AppContext): Promise<void>;
}

export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

export function queueName(definition: Pick<JobDefinition, 'name' | 'version'>): string {
  return `${definition.name}.v${definition.version}`;
}
