/** Staff's side of signals: record, queue, detail, reporter contact, triage, notes, answers, moderation, duplicates, photos. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { idempotent, replayIfRepeated } from '../../platform/http/idempotency.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { requireAccountId, requireZone } from '../../platform/http/require.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { addSignalNote } from './add-signal-note.ts';
import { getSignalForStaff, revealReporter } from './get-signal-for-staff.ts';
import { listSignalQueue } from './list-signal-queue.ts';
import { loadStaffSignal } from './load-staff-signal.ts';
import { markDuplicate } from './mark-duplicate.ts';
import { moderateSignal } from './moderate-signal.ts';
import { publishSignalAnswer } from './publish-signal-answer.ts';
import { signalPolicies as can, signalRoles } from './signals.policy.ts';
import { RecordSignalBody, SignalParams, SubmittedSignal } from './signals.schema.ts';
import { SIGNAL_BODY_LIMIT } from './signals.routes.ts';
import { findPhoto } from './signals.repository.ts';
import { prepareSignal, storeSignal, type StoredSignal } from './submit-signal.ts';
import {
  AnswerBody,
  DuplicateBody,
  ModerationBody,
  NoteBody,
  PhotoParams,
  QueueItem,
  QueueQuery,
  ReporterContact,
  SignalDetail,
  UpdateSignalBody,
} from './triage.schema.ts';
import { updateSignal } from './update-signal.ts';

const Ok = Type.Object({ ok: Type.Boolean() });

export function triageRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['triage'];
  const base = '/api/zones/:zone/staff/signals';

  app.post(
    base,
    {
      bodyLimit: SIGNAL_BODY_LIMIT,
      config: { policy: can.record },
      schema: {
        tags,
        summary: 'Record a signal taken by phone, at the counter, by mail or on patrol (channel kept)',
        params: ZoneParams,
        body: RecordSignalBody,
        response: { 201: SubmittedSignal },
      },
    },
    async (request, reply) => {
      const zone = requireZone(request);
      const replay = await replayIfRepeated<StoredSignal>(context, request, reply);
      if (replay) return replay;
      const { channel, ...input } = request.body;
      const prepared = await prepareSignal(
        context,
        zone,
        input,
        { channel, accountId: requireAccountId(request) },
        request.language,
      );
      return idempotent(context, request, reply, 201, (trx) => storeSignal(context, trx, prepared));
    },
  );

  app.get(
    base,
    {
      config: { policy: can.viewQueue },
      schema: {
        tags,
        summary: 'The queue: per officer, per neighbourhood, with filters',
        params: ZoneParams,
        querystring: QueueQuery,
        response: { 200: pageOf(QueueItem) },
      },
    },
    async (request) => listSignalQueue(context, requireZone(request), request.actor, request.query),
  );

  app.get(
    `${base}/:signalId`,
    {
      config: { policy: can.viewQueue },
      schema: {
        tags,
        summary: 'A signal with its timeline (staff)',
        params: SignalParams,
        response: { 200: SignalDetail },
      },
    },
    async (request) =>
      getSignalForStaff(context, requireZone(request), request.actor, request.params.signalId),
  );

  app.get(
    `${base}/:signalId/reporter`,
    {
      config: { policy: can.revealReporter },
      schema: {
        tags,
        summary: "The reporter's contact (audited read)",
        params: SignalParams,
        response: { 200: ReporterContact },
      },
    },
    async (request) => revealReporter(context, requireZone(request), request.actor, request.params.signalId),
  );

  app.patch(
    `${base}/:signalId`,
    {
      config: { policy: can.handle },
      schema: {
        tags,
        summary: 'Change status (allowed transitions only), priority, assignment or category',
        params: SignalParams,
        body: UpdateSignalBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await context.db
        .transaction()
        .execute((trx) =>
          updateSignal(
            context,
            trx,
            requireZone(request),
            request.actor,
            request.language,
            request.params.signalId,
            request.body,
          ),
        );
      return { ok: true };
    },
  );

  app.post(
    `${base}/:signalId/notes`,
    {
      config: { policy: can.addNote },
      schema: {
        tags,
        summary: 'Add an internal note',
        params: SignalParams,
        body: NoteBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, (trx) =>
        addSignalNote(
          context,
          trx,
          requireZone(request),
          request.actor,
          request.params.signalId,
          request.body.text,
        ),
      ),
  );

  app.post(
    `${base}/:signalId/answers`,
    {
      config: { policy: can.handle },
      schema: {
        tags,
        summary: 'Publish an answer (mailed to the reporter and followers), optionally changing the status',
        params: SignalParams,
        body: AnswerBody,
        response: { 201: Ok },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, async (trx) => {
        await publishSignalAnswer(
          context,
          trx,
          requireZone(request),
          request.actor,
          request.language,
          request.params.signalId,
          request.body,
        );
        return { ok: true };
      }),
  );

  app.put(
    `${base}/:signalId/moderation`,
    {
      config: { policy: can.handle },
      schema: {
        tags,
        summary: 'Approve (with the public summary) or reject what the public may read',
        params: SignalParams,
        body: ModerationBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await context.db
        .transaction()
        .execute((trx) =>
          moderateSignal(
            context,
            trx,
            requireZone(request),
            request.actor,
            request.language,
            request.params.signalId,
            request.body,
          ),
        );
      return { ok: true };
    },
  );

  app.post(
    `${base}/:signalId/duplicate-of`,
    {
      config: { policy: can.handle },
      schema: {
        tags,
        summary: 'Mark as duplicate of another signal (both stay, linked)',
        params: SignalParams,
        body: DuplicateBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await context.db
        .transaction()
        .execute((trx) =>
          markDuplicate(
            context,
            trx,
            requireZone(request),
            request.actor,
            request.language,
            request.params.signalId,
            request.body.ofSignalId,
          ),
        );
      return { ok: true };
    },
  );

  app.get(
    `${base}/:signalId/photos/:photoId`,
    {
      config: { policy: can.viewQueue },
      schema: {
        tags,
        summary: 'A photo of a signal (staff only; metadata already removed)',
        params: PhotoParams,
      },
    },
    async (request, reply) => {
      const zone = requireZone(request);
      await loadStaffSignal(context.db, zone, request.actor, request.params.signalId, signalRoles.viewers);
      const photo = await findPhoto(context.db, zone.id, request.params.signalId, request.params.photoId);
      const bytes = photo ? await context.files.get(photo.storage_key) : null;
      if (!photo || !bytes) throw new AppError('not_found');
      return reply.header('cache-control', 'private, max-age=3600').type(photo.content_type).send(bytes);
    },
  );
}
