import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';
import { generateDemoIncidentsJob } from '../demo/generate-demo-incidents.ts';
import { runAnalysis } from './run-analysis.ts';
import { analyseCommand } from '../../entrypoints/cli/analyse-command.ts';
import type { RunningContext } from '../../platform/create-app-context.ts';

let t: TestApp;
let analyst: Agent;
const zone = 'gent';
let to = '';
let from = '';

beforeAll(async () => {
  t = await createTestApp();
  await ensureDemoZone(t.context);
  const row = await t.context.db
    .selectFrom('zones')
    .selectAll()
    .where('slug', '=', zone)
    .executeTakeFirstOrThrow();
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
    const snapshot = await analyse({
      method: 'kernel-density',
      filters: { areaIds: [], crimeTypes: ['Drugs'], from, to },
    });
    expect(snapshot.status).toBe('done');
    expect(snapshot.eventCount).toBeGreaterThan(1000);
    expect(snapshot.parameters).toEqual({});
    const peak = snapshot.result.peaks[0];
    // Dampoort station: 3.7405, 51.0563 — the peak lies within a few hundred metres.
    expect(Math.abs(peak.lon - 3.7405)).toBeLessThan(0.006);
    expect(Math.abs(peak.lat - 51.0563)).toBeLessThan(0.004);
    expect(snapshot.result.image).toMatch(/^data:image\/png;base64,/);
    expect(snapshot.result.limits.map((l: { key: string }) => l.key)).toEqual(
      expect.arrayContaining([
        'analysis.limit.recorded_only',
        'analysis.limit.feedback_loop',
        'analysis.limit.generated',
      ]),
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

  it('marks the Dampoort drugs hotspot as the strongest significant Gi* hot spot, among few hot cells', async () => {
    const snapshot = await analyse({
      method: 'getis-ord',
      filters: { areaIds: [], crimeTypes: ['Drugs'], from, to },
    });
    expect(snapshot.status).toBe('done');
    expect(snapshot.parameters).toMatchObject({ neighbourhood: 'queen', q: 0.05 });
    const result = snapshot.result;
    expect(result.hot).toBeGreaterThan(0);
    const strongest = result.cells[0];
    expect(strongest.kind).toBe('hot');
    const [sw, ne] = strongest.bounds;
    const lat = (sw[0] + ne[0]) / 2;
    const lon = (sw[1] + ne[1]) / 2;
    expect(Math.abs(lon - 3.7405)).toBeLessThan(0.006);
    expect(Math.abs(lat - 51.0563)).toBeLessThan(0.004);
    expect(result.features).toBeGreaterThan(100);
    expect(result.hot).toBeLessThan(0.05 * result.features);
    // The density surface of the same incidents comes along, drawn under the cells.
    expect(result.density.image).toMatch(/^data:image\/png;base64,/);
    expect(result.density.radius).toBeGreaterThan(0);
  });

  it('finds the planted near-repeat burglary pattern, and none among drug offences', async () => {
    const filters = (crimeTypes: string[]) => ({ areaIds: [], crimeTypes, from, to });
    const burglary = await analyse({
      method: 'near-repeat',
      filters: filters(['Burglary']),
      parameters: { permutations: 39 },
    });
    expect(burglary.status).toBe('done');
    expect(burglary.parameters).toMatchObject({ distance: 'manhattan', seed: 1, permutations: 39 });
    const table = burglary.result.table;
    // Row 1 = (0, 100) m, column 0 = [0, 7) days: the planted repeats fall within 200 m and 14 days.
    expect(table[1].cells[0].ratio).toBeGreaterThan(1.5);
    expect(table[1].cells[0].significant).toBe(true);
    expect(table[1].cells[0].p).toBeCloseTo(1 / 40, 10);
    const far = table[table.length - 1].cells[0];
    expect(far.ratio).toBeGreaterThan(0.9);
    expect(far.ratio).toBeLessThan(1.1);
    const drugs = await analyse({
      method: 'near-repeat',
      filters: filters(['Drugs']),
      parameters: { permutations: 39 },
    });
    const near = drugs.result.table[1].cells[0];
    expect(near.ratio).toBeLessThan(1.3);
    expect(drugs.result.limits.map((l: { key: string }) => l.key)).toContain(
      'analysis.limit.knox_not_causal',
    );
  });

  it('profiles burglary by hour of week: early evenings on weekdays', async () => {
    const snapshot = await analyse({
      method: 'hour-of-week',
      filters: { areaIds: [], crimeTypes: ['Burglary'], from, to },
    });
    const result = snapshot.result;
    expect(result.counts).toHaveLength(168);
    expect(result.counts.reduce((a: number, b: number) => a + b, 0)).toBe(snapshot.eventCount);
    expect(result.peak.weekday).toBeLessThan(5);
    expect(result.peak.hour).toBeGreaterThanOrEqual(16);
    expect(result.peak.hour).toBeLessThanOrEqual(19);
    expect(result.byHour[18]).toBeGreaterThan(3 * result.byHour[3]);
  });

  it('measures concentration over neighbourhoods and follows the weekly trend against its baseline', async () => {
    const areas = await analyse({
      method: 'concentration',
      filters: { areaIds: [], crimeTypes: ['Drugs'], from, to },
      parameters: { unit: 'area' },
    });
    const neighbourhoods = await t.context.db
      .selectFrom('areas')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'neighbourhood')
      .executeTakeFirstOrThrow();
    expect(areas.result.places).toBe(Number(neighbourhoods.n));
    expect(areas.result.gini).toBeGreaterThan(0.3);
    expect(areas.result.top[0].name).toEqual(expect.any(String));
    expect(areas.result.lorenz[0]).toEqual([0, 0]);
    expect(areas.result.lorenz.at(-1)).toEqual([1, 1]);
    const trend = await analyse({
      method: 'trend',
      filters: { areaIds: [], crimeTypes: ['Burglary'], from, to },
    });
    expect(trend.result.interval).toBe('week');
    expect(trend.result.points.length).toBeGreaterThan(150);
    const assessed = trend.result.points.filter((p: { expected: number | null }) => p.expected !== null);
    expect(assessed.length).toBeGreaterThan(100);
    expect(
      trend.result.points.filter((p: { baseline: string }) => p.baseline === 'seasonal').length,
    ).toBeGreaterThan(50);
    // A stationary generated series: alerts stay rare (α = 0.01).
    expect(trend.result.alerts).toBeLessThan(0.05 * assessed.length + 2);
  });

  it("runs from the command line on the zone's incidents, with the same numbers as the page", async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    try {
      const code = await analyseCommand(
        { zone, categories: 'Burglary', permutations: '19', format: 'json' },
        'near-repeat',
        (run) => run(t.context as RunningContext),
      );
      expect(code).toBe(0);
    } finally {
      log.mockRestore();
    }
    const output = JSON.parse(printed.join('\n'));
    const page = await analyse({
      method: 'near-repeat',
      filters: { areaIds: [], crimeTypes: ['Burglary'], from, to },
      parameters: { permutations: 19 },
    });
    expect(output.used).toBe(page.eventCount);
    expect(output.result.table).toEqual(page.result.table);
    expect(output.limits.map((l: { key: string }) => l.key)).toContain('analysis.limit.generated');
  });
});
