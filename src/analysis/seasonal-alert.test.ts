import { describe, expect, it } from 'vitest';
import { uniform } from './random.ts';
import { baselineWeeks, seasonalAlerts } from './seasonal-alert.ts';
import { binomialUpperTail } from './special-functions.ts';
import { poissonDraw } from './synthetic-data.ts';

describe('baseline and p-value by hand', () => {
  it('chooses the same week ± 1 in earlier years, else the previous weeks', () => {
    const windows = { period: 52, halfWindow: 1, maxYears: 5, recentWeeks: 8 };
    expect(baselineWeeks(110, windows)).toEqual({ weeks: [57, 58, 59, 5, 6, 7], kind: 1 });
    expect(baselineWeeks(52, windows)).toEqual({ weeks: [44, 45, 46, 47, 48, 49, 50, 51], kind: 2 });
    expect(baselineWeeks(3, windows)).toEqual({ weeks: [0, 1, 2], kind: 2 });
  });

  it('a jump from 10 a week to 30 alerts; 14 does not', () => {
    // Week 8 against weeks 0–7 (all 10): m = 8, S = 80, μ = 10, s² = 0 → Poisson model.
    // Conditional test: x | x + S ~ Binomial(x + S, 1/9); p = P(Bin(110, 1/9) ≥ 30).
    const counts = Float64Array.of(10, 10, 10, 10, 10, 10, 10, 10, 30, 14);
    const result = seasonalAlerts(counts);
    expect(result.expected[8]).toBe(10);
    expect(result.model[8]).toBe(1);
    // Direct sum of the binomial pmf, independent of the library's tail routine.
    let direct = 0;
    for (let k = 30; k <= 110; k++) {
      let log = k * Math.log(1 / 9) + (110 - k) * Math.log(8 / 9);
      for (let j = 1; j <= k; j++) log += Math.log((110 - k + j) / j);
      direct += Math.exp(log);
    }
    expect(result.pValue[8]).toBeCloseTo(direct, 12);
    expect(binomialUpperTail(30, 110, 1 / 9)).toBeCloseTo(direct, 12);
    expect(result.alert[8]).toBe(1);
    // Week 9: baseline weeks 1–8 (mean 12.5); 14 is ordinary.
    expect(result.alert[9]).toBe(0);
    // Too little history for week 0–3 (< 4 baseline weeks): not assessed.
    expect(result.pValue[2]).toBeNaN();
  });

  it('never alerts below the minimum count', () => {
    const result = seasonalAlerts(Float64Array.of(0, 0, 0, 0, 0, 0, 0, 0, 4));
    expect(result.pValue[8]).toBeLessThan(0.01); // (1/9)⁴ = 0.00015
    expect(result.alert[8]).toBe(0);
  });
});

describe('planted spikes and stationary series', () => {
  /** Weekly Poisson counts with a yearly cycle: μ(w) = level·(1 + amplitude·sin(2πw/52)). */
  const seasonalSeries = (seed: number, weeks: number, level: number, amplitude: number): Float64Array => {
    const random = uniform(seed);
    return Float64Array.from({ length: weeks }, (_, w) =>
      poissonDraw(level * (1 + amplitude * Math.sin((2 * Math.PI * w) / 52)), random),
    );
  };

  it('a spike in one week of a seasonal series raises an alert there', () => {
    const counts = seasonalSeries(3, 4 * 52, 20, 0.5);
    counts[180] = (counts[180] as number) + 25;
    const result = seasonalAlerts(counts);
    expect(result.baselineKind[180]).toBe(1);
    expect(result.alert[180]).toBe(1);
  });

  it('the seasonal baseline follows the cycle: the yearly peak alone does not alert', () => {
    const counts = seasonalSeries(8, 5 * 52, 20, 0.8);
    const result = seasonalAlerts(counts);
    let alerts = 0;
    for (let w = 60; w < counts.length; w++) alerts += result.alert[w] as number;
    expect(alerts).toBeLessThanOrEqual(3);
  });

  it('a stationary Poisson series alerts at no more than the rate α', () => {
    let assessed = 0;
    let alerts = 0;
    for (let run = 0; run < 30; run++) {
      const counts = seasonalSeries(100 + run, 5 * 52, 12, 0);
      const result = seasonalAlerts(counts, { alpha: 0.01 });
      for (let w = 0; w < counts.length; w++) {
        if (Number.isNaN(result.pValue[w] as number)) continue;
        assessed++;
        alerts += result.alert[w] as number;
      }
    }
    // α = 0.01 over ≈ 7,700 weeks: at most 77 expected; allow binomial noise (+3 sd ≈ 26).
    expect(alerts / assessed).toBeLessThanOrEqual(0.01 + 3 * Math.sqrt((0.01 * 0.99) / assessed));
  });

  it('switches to the negative binomial when the baseline is overdispersed', () => {
    // Baseline alternating 2 and 30: μ = 16, s² = 224.0 ≫ μ → negative binomial, and 40 is not alarming.
    const counts = Float64Array.of(2, 30, 2, 30, 2, 30, 2, 30, 40);
    const auto = seasonalAlerts(counts);
    expect(auto.model[8]).toBe(2);
    expect(auto.alert[8]).toBe(0);
    const poisson = seasonalAlerts(counts, { model: 'poisson' });
    expect(poisson.alert[8]).toBe(1);
  });
});
