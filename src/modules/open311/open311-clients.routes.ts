/** A zone administrator's Open311 API clients: list, issue (the key shown once), revoke. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { requireAccountId, requireZone } from '../../platform/http/require.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { issueOpen311Client, listOpen311Clients, revokeOpen311Client } from './manage-open311-clients.ts';
import { open311Policies as can } from './open311.policy.ts';
import { ClientParams, IssueClientBody, IssuedOpen311Client, Open311Client } from './open311.schema.ts';

export function open311ClientRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['open311'];
  const base = '/api/zones/:zone/open311-clients';

  app.get(
    base,
    {
      config: { policy: can.manageClients },
      schema: {
        tags,
        summary: "The zone's Open311 clients (the key's last four characters only)",
        params: ZoneParams,
        response: { 200: Type.Array(Open311Client) },
      },
    },
    async (request) => listOpen311Clients(context, requireZone(request)),
  );

  app.post(
    base,
    {
      config: { policy: can.manageClients },
      schema: {
        tags,
        summary: 'Issue an API key to an Open311 client: the key is shown in this answer only',
        params: ZoneParams,
        body: IssueClientBody,
        response: { 201: IssuedOpen311Client },
      },
    },
    async (request, reply) => {
      // The key must not be kept with the idempotency key's stored answer: a replay answers apiKey null.
      let apiKey: string | null = null;
      const client = await idempotent(context, request, reply, 201, async (trx) => {
        const issued = await issueOpen311Client(
          context,
          trx,
          requireZone(request),
          requireAccountId(request),
          request.body.name,
        );
        apiKey = issued.apiKey;
        return issued.client;
      });
      return { ...client, apiKey };
    },
  );

  app.post(
    `${base}/:clientId/revoke`,
    {
      config: { policy: can.manageClients },
      schema: {
        tags,
        summary: "Revoke a client's API key: refused from the next request on",
        params: ClientParams,
        response: { 200: Open311Client },
      },
    },
    async (request) =>
      revokeOpen311Client(context, requireZone(request), requireAccountId(request), request.params.clientId),
  );
}
