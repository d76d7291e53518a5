/** HTTP routes of zones: thin; schemas in zones.schema.ts, rules in zones.policy.ts. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { createZone } from './create-zone.ts';
import { countAddresses } from '../addresses/addresses.repository.ts';
import { toPublicZone } from './to-public-zone.ts';
import { updateZoneSettings } from './update-zone-settings.ts';
import { listZones } from './zones.repository.ts';
import { zonePolicies } from './zones.policy.ts';
import {
  CreateZoneBody,
  PublicZone,
  UpdateZoneSettingsBody,
  ZoneParams,
  ZoneSummary,
} from './zones.schema.ts';
import { requireZone } from '../../platform/http/require.ts';

export function zoneRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['zones'];

  app.get(
    '/api/zones',
    {
      config: { policy: zonePolicies.list },
      schema: { tags, summary: 'List the zones hosted here', response: { 200: Type.Array(ZoneSummary) } },
    },
    async () => (await listZones(context.db)).map((z) => ({ slug: z.slug, name: z.name, isDemo: z.is_demo })),
  );

  app.get(
    '/api/zones/:zone',
    {
      config: { policy: zonePolicies.view },
      schema: {
        tags,
        summary: 'A zone: name, languages, contact, branding, legal texts',
        params: ZoneParams,
        response: { 200: PublicZone },
      },
    },
    async (request) => {
      const zone = requireZone(request);
      return toPublicZone(zone, (await countAddresses(context.db, zone.id)) > 0);
    },
  );

  app.post(
    '/api/zones',
    {
      config: { policy: zonePolicies.create },
      schema: {
        tags,
        summary: 'Create a zone (operator)',
        body: CreateZoneBody,
        response: { 201: PublicZone },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, async (trx) => {
        const created = await createZone(
          context,
          trx,
          request.actor.accountId,
          request.language,
          request.body,
        );
        const zone = await trx
          .selectFrom('zones')
          .selectAll()
          .where('id', '=', created.id)
          .executeTakeFirstOrThrow();
        return toPublicZone(zone, false);
      }),
  );

  app.patch(
    '/api/zones/:zone/settings',
    {
      config: { policy: zonePolicies.updateSettings },
      schema: {
        tags,
        summary: 'Change the zone settings (administrator)',
        params: ZoneParams,
        body: UpdateZoneSettingsBody,
        response: { 200: PublicZone },
      },
    },
    async (request) =>
      context.db
        .transaction()
        .execute(async (trx) =>
          toPublicZone(
            await updateZoneSettings(
              context,
              trx,
              requireZone(request),
              request.actor.accountId ?? '',
              request.language,
              request.body,
            ),
            (await countAddresses(trx, requireZone(request).id)) > 0,
          ),
        ),
  );
}
