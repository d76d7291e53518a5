/** Public address search (when the zone has an address list), for the officer lookup by address. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { publicAccess } from '../../platform/auth/policy.ts';
import { requireZone } from '../../platform/http/require.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { countAddresses, searchAddresses } from './addresses.repository.ts';
import { normalizeAddressText } from './normalize-address.ts';

const Address = Type.Object({
  id: Type.String(),
  label: Type.String(),
  areaId: Type.Union([Type.String(), Type.Null()]),
});

export function addressRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/zones/:zone/addresses',
    {
      config: { policy: publicAccess },
      schema: {
        tags: ['addresses'],
        summary: "Search the zone's address list by the start of an address",
        params: ZoneParams,
        querystring: Type.Object({
          q: Type.String({ minLength: 2, maxLength: 120 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 10 })),
        }),
        response: { 200: Type.Object({ available: Type.Boolean(), items: Type.Array(Address) }) },
      },
    },
    async (request) => {
      const zone = requireZone(request);
      const available = (await countAddresses(context.db, zone.id)) > 0;
      const prefix = normalizeAddressText(request.query.q);
      const rows =
        available && prefix.length >= 2
          ? await searchAddresses(context.db, zone.id, prefix, request.query.limit ?? 10)
          : [];
      return {
        available,
        items: rows.map((r) => ({
          id: r.id,
          label: `${r.street} ${r.house_number}, ${r.postcode} ${r.municipality}`.trim(),
          areaId: r.area_id,
        })),
      };
    },
  );
}
