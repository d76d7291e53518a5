/** GET /api/config: what the web app needs before it draws anything (maps, demo mode, default zone). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { publicAccess } from '../../platform/auth/policy.ts';
import { outboxAvailable } from '../mail-outbox/mail-outbox.routes.ts';
import { listZones } from '../zones/zones.repository.ts';
import { DEMO_PASSWORD, demoAccounts } from '../demo/demo-content.ts';

const ClientConfig = Type.Object({
  tileUrl: Type.Union([Type.String(), Type.Null()]),
  tileAttribution: Type.Union([Type.String(), Type.Null()]),
  defaultZone: Type.Union([Type.String(), Type.Null()]),
  outbox: Type.Boolean(),
  /** Demo accounts to try, only while a demo zone exists outside production. */
  demoAccounts: Type.Array(
    Type.Object({ email: Type.String(), role: Type.String(), password: Type.String() }),
  ),
});

export function clientConfigRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/config',
    {
      config: { policy: publicAccess },
      schema: {
        tags: ['web'],
        summary: 'Settings the web app needs at start',
        response: { 200: ClientConfig },
      },
    },
    async () => {
      const zones = await listZones(context.db);
      const demoZone = zones.find((z) => z.is_demo);
      const showDemo = demoZone !== undefined && context.config.nodeEnv !== 'production';
      return {
        tileUrl: context.config.tileUrl ?? null,
        tileAttribution: context.config.tileAttribution ?? null,
        defaultZone:
          context.config.defaultZone ??
          (zones.length === 1 ? (zones[0]?.slug ?? null) : (demoZone?.slug ?? null)),
        outbox: outboxAvailable(context),
        demoAccounts: showDemo
          ? demoAccounts.map((a) => ({ email: a.email, role: a.role, password: DEMO_PASSWORD }))
          : [],
      };
    },
  );
}
