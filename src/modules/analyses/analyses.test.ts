import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';
import { generateDemoIncidentsJob } from '../demo/generate-demo-incidents.ts';
import { runAnalysis } from './run-analysis.ts';

let t: TestApp;
let analyst: Agent;
const zone = 'gent';
let to = '';
let from = '';

beforeAll(async () => {
  t = await createTestApp();
  await ensureDemoZone(t.context);
  const row = await t.context.db.selectFrom('zones').selectAll().where('slug', '=', zone).executeTakeFirstOrThrow();
  await generateDemoIncidentsJob.handle({ zoneId: row.id }, t.context);
  analyst = await t.login(await t.createAccount({ grants: [{ zoneId: row.id, role: 'analyst' }] }));
  const overview = (await analyst.get(`/api/zones/${zone}/incidents/overview`)).json();
  to = overview.lastDate;
  from = overview.firstDate;
}, 120_000);
afterAll(async () => t.close());

async function analyse(body: Record<string, unknown>) {
  const started = await analyst.post(`/api/zones/${zone}/analyses`, body);
  expect(started.statusCode).toBe(202);
  expect(started.json().status).toBe('queued');
  await runAnalysis(t.context, started.json().id);
  const done = await analyst.get(`/api/zones/${zone}/analyses/${started.json().id}`);
  return done.json();
}

describe('analyses on the demo incidents', () => {
  it('describes the incidents the analyst can choose from', async () => {
    const overview = (await analyst.get(`/api/zones/${zone}/incidents/overview`)).json();
    expect(overview.total).toBeGreaterThan(15000);
    expect(overview.generated).toBe(overview.total);
    expect(overview.crimeTypes.map((c: { crimeType: string }) => c.crimeType)).toContain('Drugs');
  });

  it('finds the planted drugs hotspot by Dampoort station with kernel density, and saves the snapshot', async () => {
    const snapshot = await analyse({ method: 'kernel-density', filters: { areaIds: [], crimeTypes: ['Drugs'], from, to } });
    expect(snapshot.status).toBe('done');
    expect(snapshot.eventCount).toBeGreaterThan(1000);
    expect(snapshot.parameters).toEqual({});
    const peak = snapshot.result.peaks[0];
    // Dampoort station: 3.7405, 51.0563 — the peak lies within a few hundred metres.
    expect(Math.abs(peak.lon - 3.7405)).toBeLessThan(0.006);
    expect(Math.abs(peak.lat - 51.0563)).toBeLessThan(0.004);
    expect(snapshot.result.image).toMatch(/^data:image\/png;base64,/);
    expect(snapshot.result.limits.map((l: { key: string }) => l.key)).toEqual(
      expect.arrayContaining(['analysis.limit.recorded_only', 'analysis.limit.feedback_loop', 'analysis.limit.generated']),
    );
    const list = (await analyst.get(`/api/zones/${zone}/analyses`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(snapshot.id);
  });

  it('refuses bad parameters and an upside-down period', async () => {
    const bad = await analyst.post(`/api/zones/${zone}/analyses`, {
      method: 'kernel-density',
      filters: { areaIds: [], crimeTypes: [], from, to },
      parameters: { radius: -5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('analysis_parameters_invalid');
    const upside = await analyst.post(`/api/zones/${zone}/analyses`, {
      method: 'kernel-density',
      filters: { areaIds: [], crimeTypes: [], from: to, to: from },
    });
    expect(upside.json().error.code).toBe('analysis_period_invalid');
  });
});
