/** Incident imports: describe, upload the file as a stream, follow progress. */
import type { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { decodeCursor, pageOf, PaginationQuery, toPage } from '../../platform/http/pagination.ts';
import { requireZone } from '../../platform/http/require.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { incidentPolicies as can } from './incidents.policy.ts';
import { findImport, listImports } from './incidents.repository.ts';
import { CreateImportBody, ImportParams, IncidentImportView } from './incidents.schema.ts';
import { createIncidentImport, receiveImportFile, toImportView } from './manage-incident-imports.ts';

export function incidentRoutes(fastify: FastifyInstance, context: AppContext): void {
  // CSV uploads arrive as a stream; the use case stores them without buffering.
  fastify.addContentTypeParser(
    ['text/csv', 'application/octet-stream', 'text/plain'],
    (_request, payload, done) => {
      done(null, payload);
    },
  );
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['incidents'];
  const base = '/api/zones/:zone/incident-imports';

  app.post(
    base,
    {
      config: { policy: can.importIncidents },
      schema: {
        tags,
        summary: 'Describe an incident import (format, column mapping); then PUT the file to its uploadUrl',
        params: ZoneParams,
        body: CreateImportBody,
        response: { 201: IncidentImportView },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, (trx) =>
        createIncidentImport(context, trx, requireZone(request), request.actor.accountId, request.body),
      ),
  );

  app.put(
    `${base}/:importId/file`,
    {
      config: { policy: can.importIncidents },
      schema: {
        tags,
        summary:
          'Send the CSV file (Content-Type: text/csv), streamed; the import then runs in the background',
        params: ImportParams,
        response: { 202: IncidentImportView },
      },
    },
    async (request, reply) => {
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as Readable).pipe !== 'function') {
        throw new AppError('validation_failed', {}, [
          { path: 'headers/content-type', code: 'content_type', message: 'Send the file as text/csv.' },
        ]);
      }
      const view = await receiveImportFile(context, requireZone(request), request.params.importId, body);
      return reply.status(202).send(view);
    },
  );

  app.get(
    base,
    {
      config: { policy: can.viewImports },
      schema: {
        tags,
        summary: 'Incident imports, newest first',
        params: ZoneParams,
        querystring: PaginationQuery,
        response: { 200: pageOf(IncidentImportView) },
      },
    },
    async (request) => {
      const zone = requireZone(request);
      const limit = request.query.limit ?? 20;
      const cursor = decodeCursor(request.query.cursor, ['string']);
      const page = toPage(
        await listImports(context.db, zone.id, cursor ? String(cursor[0]) : null, limit),
        limit,
        (r) => [r.id],
      );
      return {
        items: page.items.map((r) => toImportView(r, context.config.publicUrl, zone.slug)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    `${base}/:importId`,
    {
      config: { policy: can.viewImports },
      schema: {
        tags,
        summary: 'An import and its progress',
        params: ImportParams,
        response: { 200: IncidentImportView },
      },
    },
    async (request) => {
      const zone = requireZone(request);
      const row = await findImport(context.db, zone.id, request.params.importId);
      if (!row) throw new AppError('incident_import_not_found');
      return toImportView(row, context.config.publicUrl, zone.slug);
    },
  );
}
