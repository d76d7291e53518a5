import { describe, expect, it } from 'vitest';
import { mulberry32, shuffleInPlace, uniform } from './random.ts';
import {
  binomialUpperTail,
  chiSquareUpperTail,
  erfc,
  lnGamma,
  negativeBinomialUpperTail,
  normalTwoSidedP,
  normalUpperTail,
  poissonUpperTail,
} from './special-functions.ts';

describe('special functions against known values', () => {
  it('ln Γ', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13); // Γ(½) = √π
    expect(lnGamma(10)).toBeCloseTo(Math.log(362_880), 12); // Γ(10) = 9!
    expect(lnGamma(1)).toBeCloseTo(0, 14);
  });

  it('normal tails and erfc', () => {
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(normalUpperTail(5)).toBeCloseTo(2.866515718791939e-7, 20);
    expect(normalUpperTail(10) / 7.619853024160527e-24).toBeCloseTo(1, 10);
    expect(normalUpperTail(-1) + normalUpperTail(1)).toBeCloseTo(1, 15);
    expect(erfc(0)).toBe(1);
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 14);
  });

  it('χ², Poisson, binomial and negative binomial upper tails', () => {
    expect(chiSquareUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 13);
    expect(chiSquareUpperTail(18.307038053275146, 10)).toBeCloseTo(0.05, 13);
    // P(Poisson(20) ≥ 31) by summing the pmf.
    let direct = 0;
    let term = Math.exp(-20);
    for (let k = 0; k < 200; k++) {
      if (k >= 31) direct += term;
      term *= 20 / (k + 1);
    }
    expect(poissonUpperTail(31, 20)).toBeCloseTo(direct, 15);
    expect(poissonUpperTail(0, 3)).toBe(1);
    // P(Bin(10, ½) ≥ 8) = (45 + 10 + 1)/1024; P(Bin(10, ½) ≥ 2) = 1 − 11/1024.
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 15);
    expect(binomialUpperTail(2, 10, 0.5)).toBeCloseTo(1 - 11 / 1024, 15);
    expect(binomialUpperTail(11, 10, 0.5)).toBe(0);
    // Negative binomial with size 1 is geometric: P(X ≥ k) = (μ/(1+μ))^k.
    expect(negativeBinomialUpperTail(12, 5, 1)).toBeCloseTo((5 / 6) ** 12, 14);
    expect(negativeBinomialUpperTail(3, 5, 1)).toBeCloseTo((5 / 6) ** 3, 14);
    // A huge size tends to the Poisson.
    expect(negativeBinomialUpperTail(40, 20, 1e9)).toBeCloseTo(poissonUpperTail(40, 20), 8);
  });
});

describe('seeded generator and shuffle', () => {
  it('mulberry32 is deterministic and uniform enough', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 5; i++) expect(a()).toBe(b());
    const random = uniform(1);
    const bins = new Float64Array(10);
    for (let i = 0; i < 100_000; i++) {
      const bin = Math.floor(random() * 10);
      bins[bin] = (bins[bin] as number) + 1;
    }
    // χ² with 9 df: 99.9 % quantile 27.9.
    const chi = bins.reduce((s, v) => s + (v - 10_000) ** 2 / 10_000, 0);
    expect(chi).toBeLessThan(27.9);
  });

  it('Fisher–Yates gives each of the 6 orders of 3 items equally often', () => {
    const next = mulberry32(9);
    const seen = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const items = Int32Array.of(0, 1, 2);
      shuffleInPlace(items, next);
      const key = items.join('');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(6);
    // χ² with 5 df: 99.9 % quantile 20.5.
    const chi = Array.from(seen.values()).reduce((s, v) => s + (v - 10_000) ** 2 / 10_000, 0);
    expect(chi).toBeLessThan(20.5);
  });
});
