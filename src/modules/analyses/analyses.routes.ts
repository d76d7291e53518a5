/** Analyses: start one (saved as a snapshot, run in the background), follow it, list them; the incident overview. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { decodeCursor, pageOf, PaginationQuery, toPage } from '../../platform/http/pagination.ts';
import { requireZone } from '../../platform/http/require.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { analysisPolicies as can } from './analyses.policy.ts';
import {
  CreateAnalysisBody,
  IncidentOverview,
  SnapshotParams,
  SnapshotSummary,
  SnapshotView,
} from './analyses.schema.ts';
import { getIncidentOverview } from './get-incident-overview.ts';
import { startAnalysis, toSnapshotView } from './manage-analyses.ts';

export function analysisRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['analyses'];

  app.get(
    '/api/zones/:zone/incidents/overview',
    {
      config: { policy: can.view },
      schema: {
        tags,
        summary: "The zone's incidents: types, period, precision",
        params: ZoneParams,
        response: { 200: IncidentOverview },
      },
    },
    async (request) => getIncidentOverview(context, requireZone(request)),
  );

  app.post(
    '/api/zones/:zone/analyses',
    {
      config: { policy: can.run },
      schema: {
        tags,
        summary: 'Start an analysis: saved as a snapshot and run in the background (poll it)',
        params: ZoneParams,
        body: CreateAnalysisBody,
        response: { 202: SnapshotView },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 202, (trx) =>
        startAnalysis(context, trx, requireZone(request), request.actor.accountId, request.body),
      ),
  );

  app.get(
    '/api/zones/:zone/analyses',
    {
      config: { policy: can.view },
      schema: {
        tags,
        summary: 'Saved analyses, newest first',
        params: ZoneParams,
        querystring: PaginationQuery,
        response: { 200: pageOf(SnapshotSummary) },
      },
    },
    async (request) => {
      const zone = requireZone(request);
      const limit = request.query.limit ?? 50;
      const cursor = decodeCursor(request.query.cursor, ['string']);
      let query = context.db
        .selectFrom('analysis_snapshots')
        .selectAll()
        .where('zone_id', '=', zone.id)
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (cursor) query = query.where('id', '<', String(cursor[0]));
      const page = toPage(await query.execute(), limit, (r) => [r.id]);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({
          id: r.id,
          method: r.method,
          title: r.title,
          eventCount: r.event_count,
          status: r.status,
          createdAt: r.created_at.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/zones/:zone/analyses/:snapshotId',
    {
      config: { policy: can.view },
      schema: {
        tags,
        summary: 'A saved analysis with its parameters, period and result',
        params: SnapshotParams,
        response: { 200: SnapshotView },
      },
    },
    async (request) => {
      const row = await context.db
        .selectFrom('analysis_snapshots')
        .selectAll()
        .where('zone_id', '=', requireZone(request).id)
        .where('id', '=', request.params.snapshotId)
        .executeTakeFirst();
      if (!row) throw new AppError('analysis_not_found');
      return toSnapshotView(row);
    },
  );
}
