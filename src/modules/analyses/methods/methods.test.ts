/**
 * The method adapters on hand-made events (no database): what they leave out for imprecise
 * times, how they choose the trend's interval, and how they read their parameters.
 */
import { describe, expect, it } from 'vitest';
import { PRECISION, runMethod, type MethodEvents, type MethodSetting } from '../analysis-method.ts';
import { analysisMethodDefinitions } from '../analysis-methods.ts';
import { upperEdges } from './near-repeat.method.ts';
import { thinCurve } from './concentration.method.ts';

const setting: MethodSetting = {
  timeZone: 'Europe/Brussels',
  projection: 'EPSG:31370',
  inStudyArea: null,
  areas: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
    { id: 'c', name: 'C' },
    { id: 'd', name: 'D' },
  ],
  period: { from: '2024-01-01', to: '2024-12-31' },
};

/** `n` events at the first of each month of 2024 (local midnight), month precision. */
function monthlyEvents(perMonth: number): MethodEvents {
  const t: number[] = [];
  for (let month = 0; month < 12; month++)
    for (let k = 0; k < perMonth; k++) t.push(Date.UTC(2024, month, 1) - 3_600_000);
  const n = t.length;
  return {
    x: Float64Array.from({ length: n }, (_, i) => 104_000 + (i % 7) * 10),
    y: Float64Array.from({ length: n }, (_, i) => 194_000 + (i % 5) * 10),
    t: Float64Array.from(t),
    precision: new Uint8Array(n).fill(PRECISION.month),
    areaIds: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'a' : 'b')),
    generated: 0,
  };
}

describe('analysis method adapters', () => {
  it('runs a monthly trend on month-only dates, with every month of the period', async () => {
    const output = await runMethod(
      analysisMethodDefinitions.trend,
      monthlyEvents(4),
      { interval: 'auto', alpha: 0.01, minCount: 5 },
      setting,
    );
    const result = output.result as { interval: string; points: { label: string; count: number }[] };
    expect(result.interval).toBe('month');
    expect(result.points.map((p) => p.label)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    expect(result.points.every((p) => p.count === 4)).toBe(true);
    expect(output.used).toBe(48);
  });

  it('leaves month-only events out of the hour of week and says how many', async () => {
    const output = await runMethod(analysisMethodDefinitions['hour-of-week'], monthlyEvents(2), {}, setting);
    expect(output.used).toBe(0);
    expect(output.limits).toContainEqual({ key: 'analysis.limit.imprecise_left_out', params: { n: 24 } });
    expect(output.limits).toContainEqual({ key: 'analysis.limit.small_numbers', params: { n: 0 } });
  });

  it('counts concentration over every study area, the empty ones included', async () => {
    const output = await runMethod(
      analysisMethodDefinitions.concentration,
      monthlyEvents(3),
      { unit: 'area', tolerance: 1 },
      setting,
    );
    const result = output.result as {
      places: number;
      placesWithEvents: number;
      gini: number;
      top: { name: string; count: number }[];
    };
    expect(result.places).toBe(4);
    expect(result.placesWithEvents).toBe(2);
    // 24 events in B, 12 in A, none in C and D: G = Σ(2i − N − 1)c₍ᵢ₎/(N·n) = (1·12 + 3·24)/(4·36).
    expect(result.gini).toBeCloseTo((1 * 12 + 3 * 24) / (4 * 36), 12);
    expect(result.top[0]).toEqual({ areaId: 'b', name: 'B', count: 24 });
  });

  it('refuses a number of places at risk below the places that have events', async () => {
    await expect(
      runMethod(
        analysisMethodDefinitions.concentration,
        monthlyEvents(1),
        { unit: 'location', tolerance: 1, placeCount: 2 },
        setting,
      ),
    ).rejects.toThrow(/placeCount/);
  });

  it('reads band edges with or without the leading zero, and thins long curves', () => {
    expect(upperEdges([0, 200, 400, 600])).toEqual([200, 400, 600]);
    expect(upperEdges([200, 400])).toEqual([200, 400]);
    const xs = Float64Array.from({ length: 1001 }, (_, k) => k / 1000);
    const curve = thinCurve(xs, xs);
    expect(curve.length).toBeLessThanOrEqual(202);
    expect(curve[0]).toEqual([0, 0]);
    expect(curve.at(-1)).toEqual([1, 1]);
  });
});
