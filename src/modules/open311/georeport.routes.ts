/**
 * The Open311 GeoReport v2 endpoint under /open311/v2: every resource in
 * JSON and XML by its extension. Registered in its own scope, so its error
 * handler (the spec's error list), its form-encoded body parser and its CORS
 * header apply to these routes only. Answers are rendered to a string with
 * their content type (open311-format.ts); the response schemas are for the
 * OpenAPI document.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { idempotent, replayIfRepeated } from '../../platform/http/idempotency.ts';
import { authenticateClient } from './authenticate-client.ts';
import { discover } from './discover.ts';
import { findToken } from './find-token.ts';
import { getServiceDefinition } from './get-service-definition.ts';
import { getRequest, listRequests } from './list-requests.ts';
import { listServices } from './list-services.ts';
import { handleOpen311Error } from './open311-errors.ts';
import { readFormat, sendOpen311, type Open311Object } from './open311-format.ts';
import { open311Policies as can } from './open311.policy.ts';
import {
  CreatedRequest,
  Discovery,
  FormatParams,
  JurisdictionQuery,
  RequestParams,
  RequestsQuery,
  Service,
  ServiceDefinition,
  ServiceRequest,
  ServiceParams,
  TokenAnswer,
  TokenParams,
} from './open311.schema.ts';
import { textField, type Open311Fields } from './read-request-input.ts';
import { open311Language, optionalJurisdiction, zoneOfRequest } from './resolve-jurisdiction.ts';
import { prepareOpen311Request, storeOpen311Request } from './submit-request.ts';

/** Reads are public; a generous limit per client address keeps one caller from drowning the rest. */
const READS_PER_MINUTE = 600;

function fieldsOf(value: unknown): Open311Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Open311Fields) : {};
}

/** application/x-www-form-urlencoded, as the spec sends it; a repeated name gives a list. */
export function parseForm(body: string): Open311Fields {
  const fields = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = fields.get(key);
    fields.set(key, seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]);
  }
  return Object.fromEntries(fields);
}

export function georeportRoutes(scope: FastifyInstance, context: AppContext): void {
  scope.setErrorHandler(handleOpen311Error);
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, parseForm(String(body))),
  );
  // Public data, no cookies read on these routes: any web page may read it.
  scope.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET') void reply.header('access-control-allow-origin', '*');
    return payload;
  });

  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['open311'];
  const read = { policy: can.read, rateLimit: { name: 'open311-read', perMinute: READS_PER_MINUTE } };

  app.get(
    '/discovery.:format',
    {
      config: read,
      schema: {
        tags,
        summary: 'Open311 discovery (.json or .xml)',
        params: FormatParams,
        querystring: JurisdictionQuery,
        response: { 200: Discovery },
      },
    },
    async (request, reply) => {
      const format = readFormat(request.params.format);
      const zone = await optionalJurisdiction(context, request.query.jurisdiction_id);
      request.zone = zone;
      const document = discover(context, zone, open311Language(request, zone));
      return sendOpen311(reply, format, 'discovery', document);
    },
  );

  app.get(
    '/services.:format',
    {
      config: read,
      schema: {
        tags,
        summary: "The zone's categories as Open311 services, named in the Accept-Language",
        params: FormatParams,
        querystring: JurisdictionQuery,
        response: { 200: Type.Array(Service) },
      },
    },
    async (request, reply) => {
      const format = readFormat(request.params.format);
      const { zone, language } = await zoneOfRequest(context, request, request.query.jurisdiction_id);
      return sendOpen311(reply, format, 'services', await listServices(context, zone, language));
    },
  );

  app.get(
    '/services/:service_code.:format',
    {
      config: read,
      schema: {
        tags,
        summary: "A service definition: the category's extra questions as attributes",
        params: ServiceParams,
        querystring: JurisdictionQuery,
        response: { 200: ServiceDefinition },
      },
    },
    async (request, reply) => {
      const format = readFormat(request.params.format);
      const { zone, language } = await zoneOfRequest(context, request, request.query.jurisdiction_id);
      const definition = await getServiceDefinition(context, zone, language, request.params.service_code);
      return sendOpen311(reply, format, 'service_definition', definition);
    },
  );

  app.post(
    '/requests.:format',
    {
      config: { policy: can.submit, anonymousWrite: true },
      schema: {
        tags,
        summary:
          'Report (form-encoded or JSON) with a client api_key; checked like the web; send an Idempotency-Key so a retry creates nothing twice',
        params: FormatParams,
        response: { 201: CreatedRequest },
      },
    },
    async (request, reply) => {
      const format = readFormat(request.params.format);
      const fields = fieldsOf(request.body);
      const query = fieldsOf(request.query);
      const jurisdiction = textField(fields, 'jurisdiction_id') ?? textField(query, 'jurisdiction_id');
      const { zone, language } = await zoneOfRequest(context, request, jurisdiction);
      const apiKey = textField(fields, 'api_key') ?? textField(query, 'api_key');
      const client = await authenticateClient(context, zone, apiKey);
      // A retry of a stored report gets the first answer, even if the category changed since.
      const replay = await replayIfRepeated<Open311Object[]>(context, request, reply);
      if (replay) return sendOpen311(reply, format, 'service_requests', replay, reply.statusCode);
      const prepared = await prepareOpen311Request(context, zone, client, fields, language);
      const created = await idempotent(context, request, reply, 201, (trx) =>
        storeOpen311Request(context, trx, prepared),
      );
      return sendOpen311(reply, format, 'service_requests', created, reply.statusCode);
    },
  );

  app.get(
    '/requests.:format',
    {
      config: read,
      schema: {
        tags,
        summary: 'Public requests (the public view only): by ids, service codes, days and status',
        params: FormatParams,
        querystring: RequestsQuery,
        response: { 200: Type.Array(ServiceRequest) },
      },
    },
    async (request, reply) => {
      const format = readFormat(request.params.format);
      const { zone, language } = await zoneOfRequest(context, request, request.query.jurisdiction_id);
      const requests = await listRequests(context, zone, language, request.query);
      return sendOpen311(reply, format, 'service_requests', requests);
    },
  );

  app.get(
    '/requests/:service_request_id.:format',
    {
      config: read,
      schema: {
        tags,
        summary: 'One public request (404 outside the public view)',
        params: RequestParams,
        querystring: JurisdictionQuery,
        response: { 200: Type.Array(ServiceRequest) },
      },
    },
    async (request, reply) => {
      const format = readFormat(request.params.format);
      const { zone, language } = await zoneOfRequest(context, request, request.query.jurisdiction_id);
      const found = await getRequest(context, zone, language, request.params.service_request_id);
      return sendOpen311(reply, format, 'service_requests', found);
    },
  );

  app.get(
    '/tokens/:token.:format',
    {
      config: read,
      schema: {
        tags,
        summary: 'The token flow: a token is the service_request_id itself (requests are stored at once)',
        params: TokenParams,
        querystring: JurisdictionQuery,
        response: { 200: TokenAnswer },
      },
    },
    async (request, reply) => {
      const format = readFormat(request.params.format);
      const { zone } = await zoneOfRequest(context, request, request.query.jurisdiction_id);
      return sendOpen311(
        reply,
        format,
        'service_requests',
        await findToken(context, zone, request.params.token),
      );
    },
  );

  // Anything else under /open311/v2 is answered in the spec's error format (and never by the web app).
  app.route({
    method: ['GET', 'POST'],
    url: '/*',
    config: { policy: can.read },
    schema: { hide: true },
    handler: async () => {
      throw new AppError('route_not_found');
    },
  });
}
