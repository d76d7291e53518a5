/** Login, second factor, logout, the current account, password reset, TOTP setup. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { endSession, SESSION_COOKIE, type NewSession } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { requireAccountId } from '../../platform/http/require.ts';
import { accountPolicies as can } from './accounts.policy.ts';
import {
  ChangePasswordBody,
  CodeBody,
  CurrentAccount,
  LoginBody,
  LoginResponse,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  TotpSetupResponse,
} from './accounts.schema.ts';
import { changePassword } from './change-password.ts';
import { getCurrentAccount } from './get-current-account.ts';
import { logIn } from './log-in.ts';
import { disableTotp, enableTotp, startTotpSetup } from './manage-totp.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import { verifySecondFactor } from './verify-second-factor.ts';

const Ok = Type.Object({ ok: Type.Boolean() });

export function authRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['auth'];
  const secure = context.config.publicUrl.startsWith('https://');
  const setCookie = (reply: FastifyReply, session: NewSession) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      expires: session.expiresAt,
    });
  // Per client address; the per-account lockout stops guessing, these stop floods.
  // Generous enough for an office of officers behind one NAT address.
  const loginLimit = { name: 'login', perMinute: 30 };
  const secondFactorLimit = { name: 'second-factor', perMinute: 30 };

  app.post(
    '/api/auth/login',
    {
      config: { policy: can.logIn, rateLimit: loginLimit },
      schema: {
        tags,
        summary: 'Log in with email and password',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      if (request.actor.session) await endSession(context.db, request.actor.session.id);
      const result = await logIn(context, request.body.email, request.body.password);
      setCookie(reply, result.session);
      return {
        status: result.secondFactorRequired ? ('second_factor_required' as const) : ('signed_in' as const),
        csrfToken: result.session.csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/second-factor',
    {
      config: {
        policy: can.verifySecondFactor,
        rateLimit: secondFactorLimit,
        allowPendingSecondFactor: true,
      },
      schema: {
        tags,
        summary: 'Finish logging in with the TOTP code',
        body: CodeBody,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const session = request.actor.session;
      if (!session || !request.secondFactorPending || request.actor.accountId === null)
        throw new AppError('unauthenticated');
      const verified = await verifySecondFactor(
        context,
        request.actor.accountId,
        session.id,
        request.body.code,
      );
      setCookie(reply, verified);
      return { status: 'signed_in' as const, csrfToken: verified.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { policy: can.logOut, allowPendingSecondFactor: true },
      schema: { tags, summary: 'Log out', response: { 200: Ok } },
    },
    async (request, reply) => {
      const { session, accountId } = request.actor;
      if (session) {
        await context.db.transaction().execute(async (trx) => {
          await endSession(trx, session.id);
          await recordAudit(
            trx,
            {
              zoneId: null,
              accountId,
              action: 'account.logged_out',
              subjectType: 'account',
              subjectId: accountId,
            },
            context.now(),
          );
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { policy: can.viewSelf, allowPendingSecondFactor: true },
      schema: {
        tags,
        summary: 'The signed-in account, its roles and its CSRF token',
        response: { 200: CurrentAccount },
      },
    },
    async (request) => getCurrentAccount(context, request.actor, request.secondFactorPending),
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: {
        policy: can.requestPasswordReset,
        rateLimit: { name: 'password-reset', perMinute: 5 },
        anonymousWrite: true,
      },
      schema: {
        tags,
        summary: 'Mail a password reset link (same answer whether or not the address is known)',
        body: PasswordResetRequestBody,
        response: { 202: Ok },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(context, request.body.email, request.body.language ?? request.language);
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { policy: can.resetPassword, rateLimit: { name: 'password-reset-confirm', perMinute: 10 } },
      schema: {
        tags,
        summary: 'Choose a new password with the token from the mail',
        body: PasswordResetConfirmBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await resetPassword(context, request.body.token, request.body.password);
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { policy: can.manageOwnSecondFactor },
      schema: {
        tags,
        summary: 'Start setting up an authenticator app',
        response: { 200: TotpSetupResponse },
      },
    },
    async (request) => startTotpSetup(context, requireAccountId(request)),
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: { policy: can.manageOwnSecondFactor },
      schema: {
        tags,
        summary: 'Confirm the first code and turn the second factor on',
        body: CodeBody,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const session = await enableTotp(context, requireAccountId(request), request.body.code);
      setCookie(reply, session);
      return { status: 'signed_in' as const, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { policy: can.manageOwnSecondFactor },
      schema: {
        tags,
        summary: 'Turn the second factor off (not for administrators)',
        body: CodeBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await disableTotp(context, request.actor, request.body.code);
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { policy: can.changeOwnPassword, rateLimit: { name: 'password-change', perMinute: 10 } },
      schema: {
        tags,
        summary: 'Change the password (the current one is required; other sessions end)',
        body: ChangePasswordBody,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const session = await changePassword(
        context,
        request.actor,
        request.body.currentPassword,
        request.body.newPassword,
      );
      setCookie(reply, session);
      return { status: 'signed_in' as const, csrfToken: session.csrfToken };
    },
  );
}
