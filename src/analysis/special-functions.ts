/**
 * Distribution tails needed by the analyses: normal p-values for Getis-Ord Gi*, binomial,
 * negative binomial and χ² tails for the seasonal alert. Plain double precision, no tables.
 *
 * References: Lanczos approximation of ln Γ (g = 7, 9 coefficients; Lanczos 1964, Godfrey's
 * coefficients), relative error < 1e-14; the regularized incomplete gamma functions P(a, x)
 * and Q(a, x) by series and by Lentz's continued fraction (Press et al., Numerical Recipes,
 * 3rd ed., §6.2); erfc(x) = Q(½, x²) (Abramowitz & Stegun 6.5.17).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lnGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x); // reflection
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let k = 1; k < 9; k++) sum += (LANCZOS[k] as number) / (z + k);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-16;
const TINY = 1e-300;

/**
 * Regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = 1 − P(a, x),
 * a > 0, x ≥ 0: the series for P when x < a + 1, the continued fraction for Q otherwise, so
 * that the smaller of the two is always computed directly (no loss to cancellation).
 */
function incompleteGamma(a: number, x: number): { p: number; q: number } {
  if (!(a > 0) || !(x >= 0)) throw new RangeError('the incomplete gamma function needs a > 0 and x ≥ 0');
  if (x === 0) return { p: 0, q: 1 };
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    // P(a, x) = front · Σ xⁿ / (a (a+1) … (a+n)).
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    const p = Math.min(1, sum * front);
    return { p, q: 1 - p };
  }
  // Q(a, x) = front · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))) (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  const q = Math.min(1, front * h);
  return { p: 1 - q, q };
}

/** Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a), a > 0, x ≥ 0. */
export function gammaQ(a: number, x: number): number {
  return incompleteGamma(a, x).q;
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), a > 0, x ≥ 0. */
export function gammaP(a: number, x: number): number {
  return incompleteGamma(a, x).p;
}

/** Complementary error function erfc(x) = Q(½, x²) for x ≥ 0, 2 − erfc(−x) below. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  return gammaQ(0.5, x * x);
}

/** Upper tail of the standard normal, P(Z ≥ z) = erfc(z/√2)/2. */
export function normalUpperTail(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}

/** Two-sided normal p-value 2·P(Z ≥ |z|) = erfc(|z|/√2); NaN stays NaN. */
export function normalTwoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** P(χ²_df ≥ x) = Q(df/2, x/2). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammaQ(df / 2, x / 2);
}

/**
 * Σ_{k ≥ from} pmf(k) for a discrete distribution given ln pmf(from) and the ratio
 * pmf(k+1)/pmf(k), summed upward until the terms stop mattering (after the ratio drops
 * below 1). Used only for upper tails beyond the mean, where every term is small.
 */
function sumUpperTerms(lnFirst: number, ratio: (k: number) => number, from: number, last: number): number {
  let term = Math.exp(lnFirst);
  let sum = 0;
  for (let k = from; k <= last; k++) {
    sum += term;
    const r = ratio(k);
    term *= r;
    if (r < 1 && term <= sum * EPSILON) break;
    if (term === 0) break;
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) for X ~ Binomial(trials, p). */
export function binomialUpperTail(k: number, trials: number, p: number): number {
  if (k <= 0) return 1;
  if (k > trials) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  if (k <= trials * p) return 1 - binomialLowerTail(k - 1, trials, p);
  const lnFirst =
    lnGamma(trials + 1) -
    lnGamma(k + 1) -
    lnGamma(trials - k + 1) +
    k * Math.log(p) +
    (trials - k) * Math.log1p(-p);
  return sumUpperTerms(lnFirst, (j) => ((trials - j) / (j + 1)) * (p / (1 - p)), k, trials);
}

/** P(X ≤ k) for X ~ Binomial(trials, p), summed downward from k (used below the mean). */
function binomialLowerTail(k: number, trials: number, p: number): number {
  const lnFirst =
    lnGamma(trials + 1) -
    lnGamma(k + 1) -
    lnGamma(trials - k + 1) +
    k * Math.log(p) +
    (trials - k) * Math.log1p(-p);
  let term = Math.exp(lnFirst);
  let sum = 0;
  for (let j = k; j >= 0; j--) {
    sum += term;
    term *= (j / (trials - j + 1)) * ((1 - p) / p);
    if (term <= sum * EPSILON) break;
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) for X ~ Poisson(mean). */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  // P(X ≥ k) = P(k, mean), the regularized lower incomplete gamma.
  return gammaP(k, mean);
}

/**
 * P(X ≥ k) for X ~ negative binomial with mean μ and size (dispersion) r > 0:
 * pmf(j) = Γ(j + r)/(Γ(r) j!) · (r/(r+μ))^r · (μ/(r+μ))^j, variance μ + μ²/r.
 */
export function negativeBinomialUpperTail(k: number, mean: number, size: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  const q = mean / (size + mean); // probability of a "success" step in the pmf ratio
  const lnPmf = (j: number): number =>
    lnGamma(j + size) -
    lnGamma(size) -
    lnGamma(j + 1) +
    size * Math.log(size / (size + mean)) +
    j * Math.log(q);
  if (k <= mean) {
    let lower = 0;
    for (let j = 0; j < k; j++) lower += Math.exp(lnPmf(j));
    return Math.max(0, 1 - lower);
  }
  return sumUpperTerms(lnPmf(k), (j) => ((j + size) / (j + 1)) * q, k, Number.MAX_SAFE_INTEGER);
}
