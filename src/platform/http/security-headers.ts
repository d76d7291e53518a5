/**
 * Security headers on every response: no sniffing, no framing, no referrer
 * leakage, and a Content-Security-Policy that allows only this origin (plus
 * the configured map tiles). Svelte and Leaflet set inline styles, hence
 * style-src 'unsafe-inline'; no inline scripts are allowed.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';

export function registerSecurityHeaders(app: FastifyInstance, context: AppContext): void {
  let tileOrigin = '';
  if (context.config.tileUrl) {
    const host = context.config.tileUrl.replace(/^(https?:\/\/[^/]+).*$/, '$1').replace('{s}.', '*.');
    tileOrigin = ` ${host}`;
  }
  const csp = [
    "default-src 'self'",
    // Zone logos may be hosted on the zone's own https site.
    `img-src 'self' data: blob: https:${tileOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'DENY');
    const type = String(reply.getHeader('content-type') ?? '');
    // Swagger UI ships an inline script; its page keeps its own policy.
    if (type.startsWith('text/html') && !request.url.startsWith('/api/docs')) {
      void reply.header('content-security-policy', csp);
    }
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
