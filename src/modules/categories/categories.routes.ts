/** Categories (public list for the report form, admin management), the status workflow, answer templates, partners. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { requireAccountId, requireZone } from '../../platform/http/require.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { listCategories, listPartners, listStatuses, listTransitions } from './categories.repository.ts';
import { categoryPolicies as can } from './categories.policy.ts';
import {
  AdminCategory,
  AnswerTemplate,
  AnswerTemplateBody,
  CategoryParams,
  CreateCategoryBody,
  Partner,
  PartnerBody,
  PublicCategory,
  StatusWithTransitions,
  TemplateParams,
  UpdateCategoryBody,
} from './categories.schema.ts';
import { createPartner } from './create-partner.ts';
import { deleteTemplate, listTemplates, saveTemplate } from './manage-answer-templates.ts';
import { createCategory, toAdminCategory, toPublicCategory, updateCategory } from './manage-categories.ts';

export function categoryRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['categories'];

  app.get(
    '/api/zones/:zone/categories',
    {
      config: { policy: can.viewPublic },
      schema: {
        tags,
        summary: 'Active categories with their questions and notices (for the report form)',
        params: ZoneParams,
        response: { 200: Type.Array(PublicCategory) },
      },
    },
    async (request) =>
      (await listCategories(context.db, requireZone(request).id, { activeOnly: true })).map(toPublicCategory),
  );

  app.get(
    '/api/zones/:zone/admin/categories',
    {
      config: { policy: can.viewWorkflow },
      schema: {
        tags,
        summary: 'All categories with their settings (staff)',
        params: ZoneParams,
        response: { 200: Type.Array(AdminCategory) },
      },
    },
    async (request) => (await listCategories(context.db, requireZone(request).id)).map(toAdminCategory),
  );

  app.post(
    '/api/zones/:zone/admin/categories',
    {
      config: { policy: can.manage },
      schema: {
        tags,
        summary: 'Add a category',
        params: ZoneParams,
        body: CreateCategoryBody,
        response: { 201: AdminCategory },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, (trx) =>
        createCategory(
          context,
          trx,
          requireZone(request),
          requireAccountId(request),
          request.language,
          request.body,
        ),
      ),
  );

  app.patch(
    '/api/zones/:zone/admin/categories/:categoryId',
    {
      config: { policy: can.manage },
      schema: {
        tags,
        summary: 'Change a category',
        params: CategoryParams,
        body: UpdateCategoryBody,
        response: { 200: AdminCategory },
      },
    },
    async (request) =>
      updateCategory(
        context,
        requireZone(request),
        requireAccountId(request),
        request.params.categoryId,
        request.body,
      ),
  );

  app.get(
    '/api/zones/:zone/signal-statuses',
    {
      config: { policy: can.viewWorkflow },
      schema: {
        tags,
        summary: 'Statuses with their type and allowed next statuses',
        params: ZoneParams,
        response: { 200: Type.Array(StatusWithTransitions) },
      },
    },
    async (request) => {
      const zone = requireZone(request);
      const [statuses, transitions] = [
        await listStatuses(context.db, zone.id),
        await listTransitions(context.db, zone.id),
      ];
      return statuses.map((s) => ({
        id: s.id,
        code: s.code,
        type: s.type,
        name: s.name,
        isInitial: s.is_initial,
        next: transitions.filter((t) => t.from_status_id === s.id).map((t) => t.to_status_id),
      }));
    },
  );

  app.get(
    '/api/zones/:zone/answer-templates',
    {
      config: { policy: can.viewWorkflow },
      schema: {
        tags,
        summary: 'Reusable answers per status',
        params: ZoneParams,
        response: { 200: Type.Array(AnswerTemplate) },
      },
    },
    async (request) => listTemplates(context, requireZone(request)),
  );

  app.post(
    '/api/zones/:zone/answer-templates',
    {
      config: { policy: can.manage },
      schema: {
        tags,
        summary: 'Add an answer template',
        params: ZoneParams,
        body: AnswerTemplateBody,
        response: { 201: AnswerTemplate },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, (trx) =>
        saveTemplate(context, requireZone(request), requireAccountId(request), null, request.body, trx),
      ),
  );

  app.put(
    '/api/zones/:zone/answer-templates/:templateId',
    {
      config: { policy: can.manage },
      schema: {
        tags,
        summary: 'Change an answer template',
        params: TemplateParams,
        body: AnswerTemplateBody,
        response: { 200: AnswerTemplate },
      },
    },
    async (request) =>
      saveTemplate(
        context,
        requireZone(request),
        requireAccountId(request),
        request.params.templateId,
        request.body,
      ),
  );

  app.delete(
    '/api/zones/:zone/answer-templates/:templateId',
    {
      config: { policy: can.manage },
      schema: {
        tags,
        summary: 'Remove an answer template',
        params: TemplateParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteTemplate(
        context,
        requireZone(request),
        requireAccountId(request),
        request.params.templateId,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/zones/:zone/partners',
    {
      config: { policy: can.viewWorkflow },
      schema: {
        tags,
        summary: 'Partner organisations signals can be routed to',
        params: ZoneParams,
        response: { 200: Type.Array(Partner) },
      },
    },
    async (request) =>
      (await listPartners(context.db, requireZone(request).id)).map((p) => ({
        id: p.id,
        name: p.name,
        email: p.email,
      })),
  );

  app.post(
    '/api/zones/:zone/partners',
    {
      config: { policy: can.manage },
      schema: {
        tags,
        summary: 'Add a partner organisation',
        params: ZoneParams,
        body: PartnerBody,
        response: { 201: Partner },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, (trx) =>
        createPartner(context, trx, requireZone(request), request.actor.accountId, request.body),
      ),
  );
}
