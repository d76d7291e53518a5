/** Narrowing helpers for handlers: the pipeline guarantees these, the types do not. */
import type { FastifyRequest } from 'fastify';
import type { Zone } from '../database/tables.ts';
import { AppError } from '../errors/error-catalogue.ts';

export function requireZone(request: FastifyRequest): Zone {
  if (!request.zone) throw new AppError('not_found');
  return request.zone;
}

export function requireAccountId(request: FastifyRequest): string {
  if (request.actor.accountId === null) throw new AppError('unauthenticated');
  return request.actor.accountId;
}
