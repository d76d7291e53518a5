/**
 * A seeded pseudo-random generator and the Fisher–Yates shuffle, for Monte Carlo permutation
 * tests (Knox) and for generating test data: the same seed gives the same numbers on every
 * machine, so results can be reproduced and compared with a reference implementation.
 *
 * mulberry32 (Tommy Ettinger, 2017; public domain): a 32-bit state advanced by the Weyl
 * increment 0x6D2B79F5, then mixed by two xor-shift-multiply rounds. Period 2³²; it passes
 * PractRand to 32 GB and is ample for 10⁴–10⁶ shuffles of 10⁵ items (not for cryptography).
 */

/** A generator of uniformly distributed unsigned 32-bit integers (mulberry32). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform numbers in [0, 1) with 32 random bits: mulberry32 / 2³². */
export function uniform(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/**
 * Fisher–Yates (Durstenfeld) shuffle in place: for i = n−1 … 1, swap item i with item
 * j = ⌊u·(i+1)⌋, u = next()/2³² uniform in [0, 1). Every permutation is equally likely up to
 * the rounding of ⌊u·(i+1)⌋, a relative bias below (i+1)/2³² (< 3·10⁻⁵ for 10⁵ items).
 */
export function shuffleInPlace(items: Int32Array | Float64Array, next: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor((next() / 4294967296) * (i + 1));
    const held = items[i] as number;
    items[i] = items[j] as number;
    items[j] = held;
  }
}
