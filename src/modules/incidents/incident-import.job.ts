/**
 * Runs an incident import in the background. Delivered at least once: a
 * retried or restarted job resumes at the last committed batch.
 */
import { Type } from 'typebox';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { runIncidentImport } from './run-incident-import.ts';

export const incidentImportJob = defineJob({
  name: 'incidents.import',
  version: 1,
  schema: Type.Object({ importId: Type.String({ format: 'uuid' }) }),
  retryLimit: 5,
  retryDelaySeconds: 10,
  expireInMinutes: 120,
  async handle(data, context) {
    await runIncidentImport(context, data.importId);
  },
});
