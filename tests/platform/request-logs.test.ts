/**
 * Privacy of request logs: a resident's exact position (the officer lookup's
 * lon/lat) and search text travel in query strings; logs keep the path only.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  t = await createTestApp({ env: { LOG_LEVEL: 'info' }, logStream });
});
afterAll(async () => t.close());

describe('request logs', () => {
  it('log the path of a request but not its query string', async () => {
    const zone = await t.createZone();
    await t.anonymous().get(`/api/zones/${zone.slug}/neighbourhood-officer?lon=3.7217123&lat=51.0543987`);
    await t.anonymous().get(`/api/zones/${zone.slug}/addresses?q=Kouterstraat%2017`);
    const log = lines.join('');
    expect(log).toContain(`/api/zones/${zone.slug}/neighbourhood-officer`);
    expect(log).not.toContain('51.0543987');
    expect(log).not.toContain('3.7217123');
    expect(log).not.toContain('Kouterstraat');
  });
});
