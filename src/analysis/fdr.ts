/**
 * Benjamini–Hochberg control of the false discovery rate (Benjamini & Hochberg 1995,
 * "Controlling the false discovery rate", J R Stat Soc B 57:289–300).
 *
 * With m tested p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎, let k be the largest i with
 * p₍ᵢ₎ ≤ (i/m)·q; the hypotheses with p ≤ p₍ₖ₎ are rejected (none when no such i exists).
 * The expected share of false discoveries among the rejections is then at most q (for
 * independent or positively dependent tests, as neighbouring Gi* values are).
 */

/**
 * Marks the p-values rejected at false discovery rate q (default 0.05). NaN p-values are not
 * tested (not counted in m, never rejected). Returns the flags and the threshold p₍ₖ₎ (0 when
 * nothing is rejected).
 */
export function benjaminiHochberg(
  pValues: Float64Array,
  q = 0.05,
): { rejected: Uint8Array; threshold: number; tested: number } {
  if (!(q > 0 && q < 1)) throw new RangeError(`q must lie in (0, 1), got ${q}`);
  const tested: number[] = [];
  for (let i = 0; i < pValues.length; i++)
    if (!Number.isNaN(pValues[i] as number)) tested.push(pValues[i] as number);
  const sorted = Float64Array.from(tested).sort();
  const m = sorted.length;
  let threshold = 0;
  for (let i = m; i >= 1; i--) {
    const p = sorted[i - 1] as number;
    if (p <= (i / m) * q) {
      threshold = p;
      break;
    }
  }
  const rejected = new Uint8Array(pValues.length);
  if (threshold > 0 || (m > 0 && (sorted[0] as number) === 0)) {
    for (let i = 0; i < pValues.length; i++) if ((pValues[i] as number) <= threshold) rejected[i] = 1;
  }
  return { rejected, threshold, tested: m };
}
