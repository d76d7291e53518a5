/** The audit log for the zone's data-protection officer: search, and check the chain. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { verifyAuditChain } from '../../platform/audit/verify-audit-chain.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { requireAccountId, requireZone } from '../../platform/http/require.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { auditPolicies } from './audit.policy.ts';
import { AuditEntryView, AuditSearchQuery, AuditVerification } from './audit.schema.ts';
import { searchAuditLog } from './search-audit-log.ts';

export function auditRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['audit'];
  app.get(
    '/api/zones/:zone/audit',
    {
      config: { policy: auditPolicies.search },
      schema: {
        tags,
        summary: 'Search the audit log (data-protection officer)',
        params: ZoneParams,
        querystring: AuditSearchQuery,
        response: { 200: pageOf(AuditEntryView) },
      },
    },
    async (request) =>
      searchAuditLog(context, requireZone(request), requireAccountId(request), request.query),
  );
  app.get(
    '/api/zones/:zone/audit/verification',
    {
      config: { policy: auditPolicies.verify },
      schema: {
        tags,
        summary: 'Recompute the hash chain and name the first broken entry',
        params: ZoneParams,
        response: { 200: AuditVerification },
      },
    },
    async () => {
      const result = await verifyAuditChain(context.db);
      return result.ok
        ? { ok: true, entries: result.entries, brokenAtSeq: null, reasonCode: null, reason: null }
        : {
            ok: false,
            entries: result.entries,
            brokenAtSeq: result.brokenAt.seq,
            reasonCode: result.reasonCode,
            reason: result.reason,
          };
    },
  );
}
