/**
 * A seasonal baseline for a weekly series and an alert when a week's count is improbably high.
 *
 * Model, for week w with count x (weeks are consecutive; a "year" is 52 weeks, so the same
 * week a year earlier is w − 52, 364 days back, same weekday; it drifts 1–2 days a year
 * against the calendar, as in Farrington et al. 1996, J R Stat Soc A 159:547–563):
 *  1. Baseline B (m weeks): with history (w ≥ 52 + h), the weeks w − 52y + k for k = −h … h
 *     (h = 1: the same week ± 1) and y = 1 … Y (up to `maxYears`, as far as the series goes);
 *     without history, the previous k weeks (`recentWeeks`, default 8). Fewer than
 *     `minBaseline` weeks (default 4): no assessment.
 *  2. Expected count μ = mean of B; s² = sample variance of B.
 *  3. Overdispersion ('auto'): Poisson counts have variance = mean; the index of dispersion
 *     D = (m − 1)s²/μ is χ²(m − 1) under Poisson. If P(χ²(m−1) ≥ D) < 0.05 the baseline is
 *     overdispersed and the negative binomial is used, else Poisson. `model` can force either.
 *  4. p-value of x:
 *     - Poisson: the exact conditional test of equal rates (Przyborowski & Wilenski 1940):
 *       with S = Σ B, under "same rate", x | x + S ~ Binomial(x + S, 1/(m + 1)), and
 *       p = P(Binomial(x + S, 1/(m + 1)) ≥ x). Unlike P(Poisson(μ) ≥ x) it allows for μ itself
 *       being estimated from m weeks, so a stationary Poisson series alerts at most at rate α.
 *     - Negative binomial: mean μ, size r = μ²/(s² − μ) (method of moments), p = P(X ≥ x)
 *       (a forced 'negative-binomial' falls back to Poisson when s² ≤ μ: r would be infinite).
 *  5. Alert when p < α (default 0.01), x ≥ `minCount` (default 5: small counts never alert)
 *     and x > μ.
 */
import { binomialUpperTail, chiSquareUpperTail, negativeBinomialUpperTail } from './special-functions.ts';

export type SeasonalAlertOptions = {
  /** Significance level α (default 0.01). */
  alpha?: number;
  /** Smallest count that can alert (default 5). */
  minCount?: number;
  /** Weeks per seasonal cycle (default 52). */
  period?: number;
  /** h: weeks either side of the same week in earlier years (default 1). */
  halfWindow?: number;
  /** Y: how many earlier years at most (default 5). */
  maxYears?: number;
  /** Previous weeks used without a year of history (default 8). */
  recentWeeks?: number;
  /** Fewest baseline weeks for an assessment (default 4). */
  minBaseline?: number;
  /** 'auto' (default) picks by the dispersion test; or force a model. */
  model?: 'auto' | 'poisson' | 'negative-binomial';
  /** Level of the dispersion test in 'auto' (default 0.05). */
  dispersionAlpha?: number;
};

export type SeasonalAssessment = {
  /** Expected count μ per week (NaN where not assessed). */
  expected: Float64Array;
  /** Upper-tail p-value per week (NaN where not assessed). */
  pValue: Float64Array;
  /** 1 where the week alerts. */
  alert: Uint8Array;
  /** Baseline size m per week, and its kind: 0 none, 1 seasonal (earlier years), 2 recent weeks. */
  baselineSize: Int32Array;
  baselineKind: Int8Array;
  /** Model per week: 0 none, 1 Poisson (conditional test), 2 negative binomial. */
  model: Int8Array;
};

/** The baseline weeks of week w (see the file comment). */
export function baselineWeeks(
  w: number,
  options: Required<Pick<SeasonalAlertOptions, 'period' | 'halfWindow' | 'maxYears' | 'recentWeeks'>>,
): { weeks: number[]; kind: 1 | 2 } {
  const { period, halfWindow, maxYears, recentWeeks } = options;
  if (w - period - halfWindow >= 0) {
    const weeks: number[] = [];
    for (let y = 1; y <= maxYears; y++) {
      for (let k = -halfWindow; k <= halfWindow; k++) {
        const index = w - period * y + k;
        if (index >= 0 && index < w) weeks.push(index);
      }
    }
    return { weeks, kind: 1 };
  }
  const weeks: number[] = [];
  for (let index = Math.max(0, w - recentWeeks); index < w; index++) weeks.push(index);
  return { weeks, kind: 2 };
}

/** Assesses every week of a weekly series against its baseline (see the file comment). */
export function seasonalAlerts(counts: Float64Array, options: SeasonalAlertOptions = {}): SeasonalAssessment {
  const alpha = options.alpha ?? 0.01;
  const minCount = options.minCount ?? 5;
  const minBaseline = options.minBaseline ?? 4;
  const forced = options.model ?? 'auto';
  const dispersionAlpha = options.dispersionAlpha ?? 0.05;
  const windows = {
    period: options.period ?? 52,
    halfWindow: options.halfWindow ?? 1,
    maxYears: options.maxYears ?? 5,
    recentWeeks: options.recentWeeks ?? 8,
  };
  const weeks = counts.length;
  const expected = new Float64Array(weeks).fill(Number.NaN);
  const pValue = new Float64Array(weeks).fill(Number.NaN);
  const alert = new Uint8Array(weeks);
  const baselineSize = new Int32Array(weeks);
  const baselineKind = new Int8Array(weeks);
  const model = new Int8Array(weeks);
  for (let w = 0; w < weeks; w++) {
    const x = counts[w] as number;
    if (!Number.isFinite(x)) continue;
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`week ${w}: counts must be whole numbers ≥ 0`);
    const baseline = baselineWeeks(w, windows);
    const values = baseline.weeks.map((k) => counts[k] as number).filter((v) => Number.isFinite(v));
    const m = values.length;
    if (m < minBaseline) continue;
    const sum = values.reduce((s, v) => s + v, 0);
    const mean = sum / m;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (m - 1);
    let useNegativeBinomial = false;
    if (forced === 'negative-binomial') useNegativeBinomial = variance > mean;
    else if (forced === 'auto' && mean > 0 && variance > mean) {
      useNegativeBinomial = chiSquareUpperTail(((m - 1) * variance) / mean, m - 1) < dispersionAlpha;
    }
    let p: number;
    if (useNegativeBinomial) {
      p = negativeBinomialUpperTail(x, mean, (mean * mean) / (variance - mean));
      model[w] = 2;
    } else {
      p = binomialUpperTail(x, x + sum, 1 / (m + 1));
      model[w] = 1;
    }
    expected[w] = mean;
    pValue[w] = p;
    baselineSize[w] = m;
    baselineKind[w] = baseline.kind;
    if (p < alpha && x >= minCount && x > mean) alert[w] = 1;
  }
  return { expected, pValue, alert, baselineSize, baselineKind, model };
}
