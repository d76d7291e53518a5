import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let webDist: string;
beforeAll(async () => {
  webDist = mkdtempSync(path.join(os.tmpdir(), 'nabij-dist-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Nabij shell</title>');
  writeFileSync(path.join(webDist, 'assets', 'app-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(path.dirname(webDist), 'secret.txt'), 'outside the web folder');
  t = await createTestApp({ webDist });
});
afterAll(async () => t.close());

describe('HTTP shell', () => {
  it('reports database and job queue in the health endpoint', async () => {
    const response = await t.anonymous().get('/api/health');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({
      ok: true,
      kind: process.env['DATABASE_URL'] ? 'postgres' : 'pglite',
    });
    expect(body.jobs.ok).toBe(true);
  });

  it('reports a stopped job queue as degraded (503)', async () => {
    await t.context.jobs.stop();
    const response = await t.anonymous().get('/api/health');
    expect(response.statusCode).toBe(503);
    expect(response.json().jobs.ok).toBe(false);
    await t.context.jobs.start();
  });

  it('answers an unknown API path with a JSON error in the asked language', async () => {
    const response = await t.anonymous().get('/api/nothing-here?lang=fr');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({
      code: 'route_not_found',
      message: "Il n'y a rien à cette adresse.",
    });
  });

  it('takes the language from the cookie when there is no ?lang', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/zones/nope',
      headers: { cookie: 'nabij_lang=de', 'accept-language': 'fr' },
    });
    expect(response.json().error.message).toBe('Es gibt keine Polizeizone „nope“.');
  });

  it('serves the web app shell for client-side routes and assets with long caching', async () => {
    const page = await t.anonymous().get('/gent/officer');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Nabij shell');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const asset = await t.anonymous().get('/assets/app-abc123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('never serves files outside the web folder', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const response = await t.anonymous().get(url);
      expect(response.body).not.toContain('outside the web folder');
    }
  });

  it('sets protective headers on API answers', async () => {
    const response = await t.anonymous().get('/api/zones');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('publishes an OpenAPI document with the schemas of the routes', async () => {
    const response = await t.anonymous().get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const document = response.json() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(Object.keys(document.paths)).toContain('/api/zones/{zone}/neighbourhood-officer');
    expect(document.paths['/api/auth/login']?.['post']?.requestBody).toBeDefined();
    const docs = await t.anonymous().get('/api/docs');
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('refuses a body that is not JSON with a clear error', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_json');
  });
});
