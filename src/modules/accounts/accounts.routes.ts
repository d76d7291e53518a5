/** A zone administrator's account management. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { requireAccountId, requireZone } from '../../platform/http/require.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { accountPolicies as can } from './accounts.policy.ts';
import {
  AccountParams,
  InviteAccountBody,
  ListAccountsQuery,
  SetGrantsBody,
  ZoneAccount,
} from './accounts.schema.ts';
import {
  inviteAccount,
  listZoneAccounts,
  resendInvitation,
  setZoneGrants,
  unlockZoneAccount,
} from './manage-zone-accounts.ts';

export function accountRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['accounts'];

  app.get(
    '/api/zones/:zone/accounts',
    {
      config: { policy: can.listZoneAccounts },
      schema: {
        tags,
        summary: "The zone's accounts and their roles (audited read)",
        params: ZoneParams,
        querystring: ListAccountsQuery,
        response: { 200: pageOf(ZoneAccount) },
      },
    },
    async (request) =>
      listZoneAccounts(context, requireZone(request), requireAccountId(request), request.query),
  );

  app.post(
    '/api/zones/:zone/accounts',
    {
      config: { policy: can.inviteAccount },
      schema: {
        tags,
        summary: 'Invite someone: new accounts get a mail to choose a password',
        params: ZoneParams,
        body: InviteAccountBody,
        response: { 201: ZoneAccount },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, (trx) =>
        inviteAccount(
          context,
          trx,
          requireZone(request),
          requireAccountId(request),
          request.language,
          request.body,
        ),
      ),
  );

  app.put(
    '/api/zones/:zone/accounts/:accountId/roles',
    {
      config: { policy: can.setGrants },
      schema: {
        tags,
        summary: 'Set the roles an account holds in the zone (empty: no access)',
        params: AccountParams,
        body: SetGrantsBody,
        response: { 200: ZoneAccount },
      },
    },
    async (request) =>
      context.db
        .transaction()
        .execute((trx) =>
          setZoneGrants(
            context,
            trx,
            requireZone(request),
            requireAccountId(request),
            request.params.accountId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/zones/:zone/accounts/:accountId/unlock',
    {
      config: { policy: can.unlockAccount },
      schema: {
        tags,
        summary: 'Lift a lockout after failed logins',
        params: AccountParams,
        response: { 200: ZoneAccount },
      },
    },
    async (request) =>
      context.db
        .transaction()
        .execute((trx) =>
          unlockZoneAccount(
            context,
            trx,
            requireZone(request),
            requireAccountId(request),
            request.params.accountId,
          ),
        ),
  );

  app.post(
    '/api/zones/:zone/accounts/:accountId/invitation',
    {
      config: { policy: can.resendInvitation },
      schema: {
        tags,
        summary: 'Mail a new invitation link to someone who has not chosen a password yet',
        params: AccountParams,
        response: { 200: ZoneAccount },
      },
    },
    async (request) =>
      context.db
        .transaction()
        .execute((trx) =>
          resendInvitation(
            context,
            trx,
            requireZone(request),
            requireAccountId(request),
            request.language,
            request.params.accountId,
          ),
        ),
  );
}
