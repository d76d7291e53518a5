/** Officer routes: the public lookup and staffing, and staff management. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { requireAccountId, requireZone } from '../../platform/http/require.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { ZoneParams } from '../zones/zones.schema.ts';
import { assignAreaOfficer, getAreaAssignment } from './assign-area-officer.ts';
import { findNeighbourhoodOfficer, listNeighbourhoodOfficers } from './find-neighbourhood-officer.ts';
import { getStaffing } from './get-staffing.ts';
import { addAbsence, removeAbsence } from './manage-absences.ts';
import {
  createOfficer,
  listStaffOfficers,
  removeOfficer,
  requireStaffOfficer,
  updateOfficer,
} from './manage-officers.ts';
import { officerPolicies as can } from './officers.policy.ts';
import {
  Absence,
  AbsenceBody,
  AbsenceParams,
  Assignment,
  AssignmentBody,
  AreaOfficerParams,
  NeighbourhoodOfficer,
  OfficerBody,
  OfficerLookupQuery,
  OfficerParams,
  OfficerPatchBody,
  StaffOfficer,
  Staffing,
} from './officers.schema.ts';

export function officerRoutes(fastify: FastifyInstance, context: AppContext): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['officers'];

  app.get(
    '/api/zones/:zone/neighbourhood-officer',
    {
      config: { policy: can.lookUp },
      schema: {
        tags,
        summary: 'Who is my neighbourhood officer? By point (lon, lat), area or address',
        params: ZoneParams,
        querystring: OfficerLookupQuery,
        response: { 200: NeighbourhoodOfficer },
      },
    },
    async (request) => findNeighbourhoodOfficer(context, requireZone(request), request.query),
  );

  app.get(
    '/api/zones/:zone/neighbourhood-officers',
    {
      config: { policy: can.lookUp },
      schema: {
        tags,
        summary: 'Every neighbourhood with its officer today (list alternative to the map)',
        params: ZoneParams,
        response: { 200: Type.Array(NeighbourhoodOfficer) },
      },
    },
    async (request) => listNeighbourhoodOfficers(context, requireZone(request)),
  );

  app.get(
    '/api/zones/:zone/staffing',
    {
      config: { policy: can.viewStaffing },
      schema: {
        tags,
        summary: 'Neighbourhood inspectors against the norm of one per 4,000 inhabitants',
        params: ZoneParams,
        response: { 200: Staffing },
      },
    },
    async (request) => getStaffing(context, requireZone(request)),
  );

  app.get(
    '/api/zones/:zone/officers',
    {
      config: { policy: can.viewStaff },
      schema: {
        tags,
        summary: "The zone's officers with assignments and absences (staff)",
        params: ZoneParams,
        response: { 200: Type.Array(StaffOfficer) },
      },
    },
    async (request) => listStaffOfficers(context, requireZone(request)),
  );

  app.post(
    '/api/zones/:zone/officers',
    {
      config: { policy: can.manage },
      schema: {
        tags,
        summary: 'Add an officer',
        params: ZoneParams,
        body: OfficerBody,
        response: { 201: StaffOfficer },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, (trx) =>
        createOfficer(context, trx, requireZone(request), requireAccountId(request), request.body),
      ),
  );

  app.get(
    '/api/zones/:zone/officers/:officerId',
    {
      config: { policy: can.viewStaff },
      schema: {
        tags,
        summary: 'One officer (staff)',
        params: OfficerParams,
        response: { 200: StaffOfficer },
      },
    },
    async (request) => requireStaffOfficer(context, requireZone(request), request.params.officerId),
  );

  app.patch(
    '/api/zones/:zone/officers/:officerId',
    {
      config: { policy: can.manage },
      schema: {
        tags,
        summary: "Change an officer's details",
        params: OfficerParams,
        body: OfficerPatchBody,
        response: { 200: StaffOfficer },
      },
    },
    async (request) =>
      context.db
        .transaction()
        .execute((trx) =>
          updateOfficer(
            context,
            trx,
            requireZone(request),
            requireAccountId(request),
            request.params.officerId,
            request.body,
          ),
        ),
  );

  app.delete(
    '/api/zones/:zone/officers/:officerId',
    {
      config: { policy: can.manage },
      schema: {
        tags,
        summary: 'Remove an officer (their neighbourhoods become unassigned)',
        params: OfficerParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await context.db
        .transaction()
        .execute((trx) =>
          removeOfficer(
            context,
            trx,
            requireZone(request),
            requireAccountId(request),
            request.params.officerId,
          ),
        );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/zones/:zone/officers/:officerId/absences',
    {
      config: { policy: can.recordAbsence },
      schema: {
        tags,
        summary: 'Record an absence (whole days); the deputy is shown meanwhile',
        params: OfficerParams,
        body: AbsenceBody,
        response: { 201: Absence },
      },
    },
    async (request, reply) =>
      idempotent(context, request, reply, 201, (trx) =>
        addAbsence(context, trx, requireZone(request), request.actor, request.params.officerId, request.body),
      ),
  );

  app.delete(
    '/api/zones/:zone/officers/:officerId/absences/:absenceId',
    {
      config: { policy: can.recordAbsence },
      schema: { tags, summary: 'Remove an absence', params: AbsenceParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await context.db
        .transaction()
        .execute((trx) =>
          removeAbsence(
            context,
            trx,
            requireZone(request),
            request.actor,
            request.params.officerId,
            request.params.absenceId,
          ),
        );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/zones/:zone/areas/:areaId/officer',
    {
      config: { policy: can.viewStaff },
      schema: {
        tags,
        summary: "An area's officer and deputy, with history",
        params: AreaOfficerParams,
        response: { 200: Assignment },
      },
    },
    async (request) => getAreaAssignment(context, requireZone(request), request.params.areaId),
  );

  app.put(
    '/api/zones/:zone/areas/:areaId/officer',
    {
      config: { policy: can.manage },
      schema: {
        tags,
        summary: "Set an area's officer and deputy (null: nobody)",
        params: AreaOfficerParams,
        body: AssignmentBody,
        response: { 200: Assignment },
      },
    },
    async (request) =>
      assignAreaOfficer(
        context,
        requireZone(request),
        requireAccountId(request),
        request.params.areaId,
        request.body,
      ),
  );
}
