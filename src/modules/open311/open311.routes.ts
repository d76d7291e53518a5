/**
 * The Open311 module's routes: the GeoReport v2 endpoint under /open311/v2
 * (its own scope, see georeport.routes.ts) and the administrators' API
 * clients under /api.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { georeportRoutes } from './georeport.routes.ts';
import { open311ClientRoutes } from './open311-clients.routes.ts';

export const OPEN311_PREFIX = '/open311/v2';

export async function open311Routes(fastify: FastifyInstance, context: AppContext): Promise<void> {
  open311ClientRoutes(fastify, context);
  await fastify.register(async (scope) => georeportRoutes(scope, context), { prefix: OPEN311_PREFIX });
}
