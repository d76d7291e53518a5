/**
 * Builds the Fastify application: plugins, the request pipeline, every
 * module's routes, the OpenAPI document at /api/docs and the web app.
 * Used by the server entry point and by every HTTP test (with `inject`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { publicAccess } from '../auth/policy.ts';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../errors/error-catalogue.ts';
import { errorBody, handleError } from './error-handler.ts';
import { registerRequestHooks, requirePolicyOnEveryRoute } from './request-hooks.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { createValidatorCompiler } from './validator-compiler.ts';

export type RouteModule = (app: FastifyInstance, context: AppContext) => Promise<void> | void;

export interface BuildAppOptions {
  routeModules: readonly RouteModule[];
  /** Folder of the built web app; absent or missing: API only. */
  webDist?: string;
  /** Where logs go (default stdout); tests capture them to check what is logged. */
  logStream?: NodeJS.WritableStream;
  /** Called for every API route registered (tests walk them). */
  onApiRoute?: (route: RouteOptions) => void;
}

export const API_VERSION = '0.1.0';

export async function buildApp(context: AppContext, options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      context.config.logLevel === 'silent'
        ? false
        : {
            level: context.config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Query strings can hold a resident's exact position (officer lookup) or
            // search text: request logs keep the path only (DESIGN.md, "Privacy").
            serializers: {
              req: (request: { method: string; url: string; id: string }) => ({
                id: request.id,
                method: request.method,
                path: request.url.split('?')[0],
              }),
            },
          },
    // Behind a reverse proxy in production; the client address matters for rate limits.
    trustProxy: context.config.nodeEnv === 'production',
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.setValidatorCompiler(createValidatorCompiler());
  await app.register(cookie);
  registerSecurityHeaders(app, context);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send(errorBody(request.language ?? 'en', new AppError('route_not_found')));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Nabij API',
        version: API_VERSION,
        description:
          'Community policing: zones, neighbourhoods, officers, accounts and audit. Errors have the shape ' +
          '`{ "error": { "code", "message", "details" } }` with stable codes; messages follow Accept-Language (nl, fr, de, en). ' +
          'Writes with a session cookie need the X-CSRF-Token header from GET /api/auth/me.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'nabij_session' } },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });

  registerRequestHooks(app, context);
  requirePolicyOnEveryRoute(app);
  if (options.onApiRoute) {
    const onApiRoute = options.onApiRoute;
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/') || route.url.startsWith('/open311/')) onApiRoute(route);
    });
  }

  for (const registerRoutes of options.routeModules) {
    await app.register(async (scope) => {
      await registerRoutes(scope, context);
    });
  }

  const webDist = options.webDist;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, serve: false });
    app.get('/*', { config: { policy: publicAccess }, schema: { hide: true } }, async (request, reply) => {
      const wanted = decodeURIComponent(request.url.split('?')[0] ?? '/');
      if (wanted.startsWith('/api/')) throw new AppError('route_not_found');
      const file = path.normalize(path.join(webDist, wanted));
      if (file.startsWith(webDist + path.sep) && existsSync(file) && !file.endsWith(path.sep)) {
        const immutable = wanted.startsWith('/assets/');
        return reply
          .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(path.relative(webDist, file), { cacheControl: false });
      }
      // Client-side routes all load the app shell.
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html')
        .sendFile('index.html', { cacheControl: false });
    });
  }
  return app;
}
