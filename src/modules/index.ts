/**
 * The modules that make up Nabij: their routes and their jobs. A new module
 * adds itself here; nothing is discovered by scanning folders.
 */
import type { RouteModule } from '../platform/http/build-app.ts';
import type { JobDefinition } from '../platform/jobs/job-definition.ts';
import { deliverMailJob } from '../platform/mail/deliver-mail.job.ts';
import { pruneExpiredJob } from '../platform/maintenance/prune-expired.job.ts';
import { addressRoutes } from './addresses/addresses.routes.ts';
import { officerRoutes } from './officers/officers.routes.ts';
import { clientConfigRoutes } from './client-config/client-config.routes.ts';
import { areaRoutes } from './areas/areas.routes.ts';
import { accountRoutes } from './accounts/accounts.routes.ts';
import { authRoutes } from './accounts/auth.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { mailOutboxRoutes } from './mail-outbox/mail-outbox.routes.ts';
import { analysisRoutes } from './analyses/analyses.routes.ts';
import { runAnalysisJob } from './analyses/run-analysis.job.ts';
import { categoryRoutes } from './categories/categories.routes.ts';
import { generateDemoIncidentsJob } from './demo/generate-demo-incidents.ts';
import { incidentImportJob } from './incidents/incident-import.job.ts';
import { incidentRoutes } from './incidents/incidents.routes.ts';
import { open311Routes } from './open311/open311.routes.ts';
import { notifyNewSignalJob } from './signals/notify-new-signal.job.ts';
import { sendQuestionnairesJob } from './signals/send-questionnaires.job.ts';
import { sendSignalDigestsJob } from './signals/send-signal-digests.job.ts';
import { signalRoutes } from './signals/signals.routes.ts';
import { triageRoutes } from './signals/triage.routes.ts';
import { zoneRoutes } from './zones/zones.routes.ts';

export const routeModules: readonly RouteModule[] = [
  healthRoutes,
  clientConfigRoutes,
  authRoutes,
  zoneRoutes,
  areaRoutes,
  addressRoutes,
  officerRoutes,
  categoryRoutes,
  signalRoutes,
  triageRoutes,
  incidentRoutes,
  analysisRoutes,
  open311Routes,
  accountRoutes,
  auditRoutes,
  mailOutboxRoutes,
];

export const jobDefinitions: readonly JobDefinition[] = [
  deliverMailJob,
  pruneExpiredJob,
  notifyNewSignalJob,
  sendSignalDigestsJob,
  sendQuestionnairesJob,
  incidentImportJob,
  generateDemoIncidentsJob,
  runAnalysisJob,
];
