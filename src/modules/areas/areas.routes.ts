/** HTTP routes of areas: public list, boundaries and point lookup; admin import and edits. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { representativePoint } from '../../platform/geo/measure.ts';
import type { MultiPolygonCoords } from '../../platform/geo/types.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { decodeCursor, pageOf, PaginationQuery, toPage } from '../../platform/http/pagination.ts';
import { requireAccountId, requireZone } from '../../platform/http/require.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { areaPolicies as can } from './areas.policy.ts';
import { findAreaInZone, listAreaImports, listAreaSummaries, listAreasOfZone } from './areas.repository.ts';
import {
  AreaBoundaries,
  AreaImportSummary,
  AreaParams,
  BoundariesQuery,
  ImportAreasBody,
  ImportReportSchema,
  LocateQuery,
  LocateResult,
  PublicArea,
  UpdateAreaBody,
} from './areas.schema.ts';
import { forgetAreaIndex } from './area-index-cache.ts';
import { importAreas } from './import-areas.ts';
import { locateArea } from './locate-area.ts';
import { toPublicArea } from './to-public-area.ts';
import { updateArea } from './update-area.ts';

export function areaRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['areas'];

  app.get(
    '/api/zones/:zone/areas',
    {
      config: { policy: can.view },
      schema: {
        tags,
        summary: "The zone's districts and neighbourhoods with their figures",
        params: ZoneParams,
        response: { 200: Type.Array(PublicArea) },
      },
    },
    async (request) => (await listAreaSummaries(context.db, requireZone(request).id)).map(toPublicArea),
  );

  app.get(
    '/api/zones/:zone/areas/boundaries',
    {
      config: { policy: can.view },
      schema: {
        tags,
        summary: 'Area boundaries as a GeoJSON FeatureCollection (WGS84)',
        params: ZoneParams,
        querystring: BoundariesQuery,
        response: { 200: AreaBoundaries },
      },
    },
    async (request, reply) => {
      const areas = await listAreasOfZone(context.db, requireZone(request).id);
      void reply.header('cache-control', 'public, max-age=60');
      return {
        type: 'FeatureCollection' as const,
        features: areas
          .filter((a) => !request.query.kind || a.kind === request.query.kind)
          .map((a) => ({
            type: 'Feature' as const,
            id: a.id,
            properties: {
              id: a.id,
              code: a.code,
              kind: a.kind,
              parentId: a.parent_id,
              name: a.name,
              labelPoint: representativePoint(a.boundary.coordinates as MultiPolygonCoords),
            },
            geometry: a.boundary,
          })),
      };
    },
  );

  app.get(
    '/api/zones/:zone/areas/locate',
    {
      config: { policy: can.locate },
      schema: {
        tags,
        summary: 'The neighbourhood that holds a point (one at most, also on shared boundaries)',
        params: ZoneParams,
        querystring: LocateQuery,
        response: { 200: LocateResult },
      },
    },
    async (request) => {
      const area = await locateArea(context, requireZone(request), request.query.lon, request.query.lat);
      return { area: area ? toPublicArea(area) : null };
    },
  );

  app.get(
    '/api/zones/:zone/areas/:areaId',
    {
      config: { policy: can.view },
      schema: { tags, summary: 'One area', params: AreaParams, response: { 200: PublicArea } },
    },
    async (request) => {
      const area = await findAreaInZone(context.db, requireZone(request).id, request.params.areaId);
      if (!area) throw new AppError('area_not_found');
      return toPublicArea(area);
    },
  );

  app.patch(
    '/api/zones/:zone/areas/:areaId',
    {
      config: { policy: can.update },
      schema: {
        tags,
        summary: 'Correct names, population, households or parent (administrator)',
        params: AreaParams,
        body: UpdateAreaBody,
        response: { 200: PublicArea },
      },
    },
    async (request) =>
      updateArea(
        context,
        requireZone(request),
        requireAccountId(request),
        request.params.areaId,
        request.body,
      ),
  );

  app.post(
    '/api/zones/:zone/area-imports',
    {
      bodyLimit: 30 * 1024 * 1024,
      config: { policy: can.importAreas },
      schema: {
        tags,
        summary: 'Import areas from GeoJSON or TopoJSON, with a report per feature (administrator)',
        description:
          'Repairs what can be repaired (ring orientation, unclosed rings, self-intersections) with a warning, refuses unusable features with a reason, imports the rest. `dryRun` reports without writing. Areas with an existing code are updated.',
        params: ZoneParams,
        body: ImportAreasBody,
        response: { 200: ImportReportSchema, 201: ImportReportSchema },
      },
    },
    async (request, reply) => {
      const zone = requireZone(request);
      const accountId = requireAccountId(request);
      if (request.body.dryRun)
        return reply.status(200).send(await importAreas(context, zone, accountId, request.body));
      const report = await idempotent(context, request, reply, 201, (trx) =>
        importAreas(context, zone, accountId, request.body, trx),
      );
      forgetAreaIndex(zone.id); // after the commit: see importAreas
      return report;
    },
  );

  app.get(
    '/api/zones/:zone/area-imports',
    {
      config: { policy: can.viewImports },
      schema: {
        tags,
        summary: 'Past imports and their reports (administrator)',
        params: ZoneParams,
        querystring: PaginationQuery,
        response: { 200: pageOf(AreaImportSummary) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 20;
      const cursor = decodeCursor(request.query.cursor, ['string']);
      const rows = await listAreaImports(
        context.db,
        requireZone(request).id,
        cursor ? String(cursor[0]) : null,
        limit,
      );
      const page = toPage(rows, limit, (r) => [r.id]);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({
          id: r.id,
          fileName: r.file_name,
          format: r.format,
          sourceCrs: r.source_crs,
          imported: r.imported,
          repaired: r.repaired,
          refused: r.refused,
          createdAt: r.created_at.toISOString(),
          features: ((r.report as { features?: unknown[] }).features ?? []) as never[],
        })),
      };
    },
  );
}
