/** GET /api/health: is the database answering, is the job queue running. For load balancers and operators. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { publicAccess } from '../../platform/auth/policy.ts';
import { API_VERSION } from '../../platform/http/build-app.ts';

const Check = Type.Object({ ok: Type.Boolean(), detail: Type.Optional(Type.String()) });
const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  database: Type.Object({
    ok: Type.Boolean(),
    kind: Type.String(),
    latencyMs: Type.Number(),
    detail: Type.Optional(Type.String()),
  }),
  jobs: Check,
  mail: Type.Object({ transport: Type.String() }),
});

export function healthRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/health',
    {
      config: { policy: publicAccess },
      schema: {
        tags: ['health'],
        summary: 'Database and job-queue status',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const started = performance.now();
      let database: { ok: boolean; kind: string; latencyMs: number; detail?: string };
      try {
        await sql`select 1`.execute(context.db);
        database = {
          ok: true,
          kind: context.database.kind,
          latencyMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        database = {
          ok: false,
          kind: context.database.kind,
          latencyMs: Math.round(performance.now() - started),
          detail: (error as Error).message,
        };
      }
      const queue = await context.jobs.status();
      const jobs = {
        ok: queue.ok,
        ...(queue.error ? { detail: queue.error } : { detail: `${queue.workers} workers in this process` }),
      };
      const ok = database.ok && jobs.ok;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        version: API_VERSION,
        database,
        jobs,
        mail: { transport: context.mail.kind },
      });
    },
  );
}
