/**
 * The demo outbox: without SMTP and outside production, mail is kept here and
 * readable in the web app so a demo user can follow a password-reset link.
 * In every other set-up the routes answer outbox_unavailable.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { publicAccess } from '../../platform/auth/policy.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { decodeCursor, pageOf, PaginationQuery, toPage } from '../../platform/http/pagination.ts';

const OutboxMessage = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export function outboxAvailable(context: AppContext): boolean {
  return context.mail.kind === 'outbox' && context.config.nodeEnv !== 'production';
}

export function mailOutboxRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/outbox',
    {
      config: { policy: publicAccess },
      schema: {
        tags: ['demo'],
        summary: 'Demo only: mail that would have been sent',
        querystring: PaginationQuery,
        response: { 200: pageOf(OutboxMessage) },
      },
    },
    async (request) => {
      if (!outboxAvailable(context)) throw new AppError('outbox_unavailable');
      const limit = request.query.limit ?? 50;
      const cursor = decodeCursor(request.query.cursor, ['string']);
      let query = context.db
        .selectFrom('mail_messages')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (cursor) query = query.where('id', '<', String(cursor[0]));
      const page = toPage(await query.execute(), limit, (m) => [m.id]);
      // Mail holds addresses: even the demo outbox's reads are audited.
      await recordAudit(
        context.db,
        {
          zoneId: null,
          accountId: request.actor.accountId,
          action: 'mail.outbox_read',
          subjectType: 'mail_outbox',
          subjectId: null,
        },
        context.now(),
      );
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((m) => ({
          id: m.id,
          to: m.to_address,
          subject: m.subject,
          text: m.body_text,
          html: m.body_html,
          status: m.status,
          createdAt: m.created_at.toISOString(),
        })),
      };
    },
  );
}
