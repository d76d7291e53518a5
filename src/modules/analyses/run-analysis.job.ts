/** Analyses run in the job worker (DESIGN.md, "Scale": never in the request path). */
import { Type } from 'typebox';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { runAnalysis } from './run-analysis.ts';

export const runAnalysisJob = defineJob({
  name: 'analyses.run',
  version: 1,
  schema: Type.Object({ snapshotId: Type.String({ format: 'uuid' }) }),
  retryLimit: 1,
  retryDelaySeconds: 10,
  expireInMinutes: 30,
  async handle(data, context) {
    await runAnalysis(context, data.snapshotId);
  },
});
