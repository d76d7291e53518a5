import { describe, expect, it } from 'vitest';
import { closePairs, TooManyPairsError } from './close-pairs.ts';

describe('closePairs', () => {
  it('finds every pair closer than the distance, and refuses beyond maxPairs instead of exhausting memory', () => {
    // Ten points at one spot and one far away: C(10, 2) = 45 close pairs.
    const x = Float64Array.from([...Array.from({ length: 10 }, () => 100), 5000]);
    const y = Float64Array.from([...Array.from({ length: 10 }, () => 200), 5000]);
    expect(closePairs(x, y, 1, 'manhattan').count).toBe(45);
    expect(closePairs(x, y, 1, 'manhattan', false, 45).count).toBe(45);
    expect(() => closePairs(x, y, 1, 'manhattan', false, 44)).toThrow(TooManyPairsError);
  });
});
