/** Residents' side of signals: report, nearby check, follow, tracking link, feedback, public view. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { idempotent, replayIfRepeated } from '../../platform/http/idempotency.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { requireZone } from '../../platform/http/require.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { findNearbySignals } from './find-nearby-signals.ts';
import { followSignal } from './follow-signal.ts';
import { countPublicSignals, listPublicSignals } from './list-public-signals.ts';
import { signalPolicies as can } from './signals.policy.ts';
import {
  CountsQuery,
  FeedbackBody,
  FollowBody,
  FollowResult,
  NearbyQuery,
  NearbySignal,
  PublicCounts,
  PublicListQuery,
  PublicSignal,
  SignalParams,
  SubmitSignalBody,
  SubmittedSignal,
  TrackedSignal,
  TrackParams,
} from './signals.schema.ts';
import { prepareSignal, storeSignal, type StoredSignal } from './submit-signal.ts';
import { recordReporterFeedback, trackSignal } from './track-signal.ts';

/** Photos travel as base64 in the JSON body: three of 10 MB fit in this. */
export const SIGNAL_BODY_LIMIT = 45 * 1024 * 1024;

export function signalRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['signals'];

  app.post(
    '/api/zones/:zone/signals',
    {
      bodyLimit: SIGNAL_BODY_LIMIT,
      config: { policy: can.report, anonymousWrite: true },
      schema: {
        tags,
        summary:
          'Report a signal (no account needed); send an Idempotency-Key so a retry creates nothing twice',
        params: ZoneParams,
        body: SubmitSignalBody,
        response: { 201: SubmittedSignal },
      },
    },
    async (request, reply) => {
      const zone = requireZone(request);
      const replay = await replayIfRepeated<StoredSignal>(context, request, reply);
      if (replay) return replay;
      const prepared = await prepareSignal(
        context,
        zone,
        request.body,
        { channel: 'web', accountId: request.actor.accountId },
        request.language,
      );
      return idempotent(context, request, reply, 201, (trx) => storeSignal(context, trx, prepared));
    },
  );

  app.get(
    '/api/zones/:zone/signals/nearby',
    {
      config: { policy: can.viewPublic },
      schema: {
        tags,
        summary:
          'Open signals of a category near a place (public view only), to follow instead of reporting again',
        params: ZoneParams,
        querystring: NearbyQuery,
        response: { 200: Type.Array(NearbySignal) },
      },
    },
    async (request) =>
      findNearbySignals(
        context,
        requireZone(request),
        request.query.category,
        request.query.lon,
        request.query.lat,
      ),
  );

  app.post(
    '/api/zones/:zone/signals/:signalId/followers',
    {
      config: { policy: can.follow, anonymousWrite: true },
      schema: {
        tags,
        summary: 'Follow a signal instead of reporting it again: a private tracking link (and mail)',
        params: SignalParams,
        body: FollowBody,
        response: { 201: FollowResult },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, (trx) =>
        followSignal(
          context,
          trx,
          requireZone(request),
          request.params.signalId,
          request.body.email,
          request.body.language ?? request.language,
        ),
      ),
  );

  app.get(
    '/api/zones/:zone/public/signals',
    {
      config: { policy: can.viewPublic },
      schema: {
        tags,
        summary: 'Signals of public categories: moderated text, anonymised points, honest statuses',
        params: ZoneParams,
        querystring: PublicListQuery,
        response: { 200: pageOf(PublicSignal) },
      },
    },
    async (request) => listPublicSignals(context, requireZone(request), request.query),
  );

  app.get(
    '/api/zones/:zone/public/signal-counts',
    {
      config: { policy: can.viewPublic },
      schema: {
        tags,
        summary:
          'Counts per neighbourhood and category (sensitive categories only appear here; small counts as "fewer than")',
        params: ZoneParams,
        querystring: CountsQuery,
        response: { 200: PublicCounts },
      },
    },
    async (request) =>
      countPublicSignals(context, requireZone(request), request.query.from, request.query.to),
  );

  app.get(
    '/api/track/:token',
    {
      config: { policy: can.track },
      schema: {
        tags,
        summary: 'The private tracking view of a signal (the token from the tracking link)',
        params: TrackParams,
        response: { 200: TrackedSignal },
      },
    },
    async (request) => trackSignal(context, request.params.token),
  );

  app.post(
    '/api/track/:token/feedback',
    {
      config: { policy: can.track, anonymousWrite: true },
      schema: {
        tags,
        summary: 'The reporter says whether it was really solved (kept apart from the police status)',
        params: TrackParams,
        body: FeedbackBody,
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request) => {
      await recordReporterFeedback(context, request.params.token, request.body.solved, request.body.comment);
      return { ok: true };
    },
  );
}
