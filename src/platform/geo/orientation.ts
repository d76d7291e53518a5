/**
 * Exact orientation predicate: on which side of the line a→b does the point p lie?
 *
 * Why: the point-in-area index must give every point on a boundary shared by two areas to
 * exactly one of them, and the self-intersection check must not miss a crossing or invent
 * one. Both depend on the sign of a 2×2 determinant, which plain floating point can get
 * wrong for points (almost) on the line. We use Shewchuk's error-bound filter (fast, exact
 * sign in the overwhelming majority of calls) and fall back to exact BigInt arithmetic when
 * the filter cannot decide. Every finite double is an integer multiple of 2^-1074, so scaling
 * by 2^1074 turns the determinant into an exact integer computation.
 *
 * Reference: J. R. Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust
 * Geometric Predicates", Discrete & Computational Geometry 18 (1997), orient2d and ccwerrboundA.
 */

const EPSILON = 2 ** -53;
const CCW_ERROR_BOUND_A = (3 + 16 * EPSILON) * EPSILON;

/**
 * A number whose SIGN is exactly the sign of
 *   (bx − ax)(py − ay) − (by − ay)(px − ax):
 * positive when p lies to the left of the directed line a→b (a, b, p counter-clockwise),
 * negative to the right, zero when the three points are collinear.
 * Only the sign is meaningful; the magnitude is approximate (or ±1 after the exact fallback).
 * Inputs must be finite.
 */
export function orientation(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const detLeft = (ax - px) * (by - py);
  const detRight = (ay - py) * (bx - px);
  const det = detLeft - detRight;
  let detSum: number;
  if (detLeft > 0) {
    if (detRight <= 0) return det;
    detSum = detLeft + detRight;
  } else if (detLeft < 0) {
    if (detRight >= 0) return det;
    detSum = -detLeft - detRight;
  } else {
    return det;
  }
  const errorBound = CCW_ERROR_BOUND_A * detSum;
  if (det >= errorBound || -det >= errorBound) return det;
  return exactOrientationSign(ax, ay, bx, by, px, py);
}

/** Exact sign (−1, 0, 1) of the same determinant with BigInt arithmetic (slow, rare). */
export function exactOrientationSign(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  px: number,
  py: number,
): number {
  const Ax = toScaledBigInt(ax);
  const Ay = toScaledBigInt(ay);
  const Bx = toScaledBigInt(bx);
  const By = toScaledBigInt(by);
  const Px = toScaledBigInt(px);
  const Py = toScaledBigInt(py);
  const det = (Ax - Px) * (By - Py) - (Ay - Py) * (Bx - Px);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

const bitsView = new DataView(new ArrayBuffer(8));

/** The exact integer value × 2^1074 of a finite double. */
function toScaledBigInt(value: number): bigint {
  bitsView.setFloat64(0, value);
  const bits = bitsView.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const mantissa = bits & 0xfffffffffffffn;
  // Subnormals: mantissa × 2^-1074. Normals: (2^52 + mantissa) × 2^(exponent − 1075).
  const scaled = exponent === 0 ? mantissa : (mantissa | 0x10000000000000n) << BigInt(exponent - 1);
  return negative ? -scaled : scaled;
}
