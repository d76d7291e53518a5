import { describe, expect, it } from 'vitest';
import { exactOrientationSign, orientation } from './orientation.ts';

describe('orientation', () => {
  it('is positive to the left, negative to the right, zero on the line', () => {
    expect(orientation(0, 0, 1, 0, 0.5, 1)).toBeGreaterThan(0);
    expect(orientation(0, 0, 1, 0, 0.5, -1)).toBeLessThan(0);
    expect(orientation(0, 0, 2, 2, 1, 1)).toBe(0);
  });

  it('gets the sign exactly right where plain floating point does not', () => {
    // Points near the line y = x, a few ulps apart: the naive determinant is wrong for many.
    let naiveWrong = 0;
    for (let i = 0; i < 2000; i++) {
      const x = 0.5 + i * 2 ** -53;
      const y = 0.5;
      const exact = exactOrientationSign(12, 12, 24, 24, x, y);
      expect(Math.sign(orientation(12, 12, 24, 24, x, y))).toBe(exact);
      const naive = Math.sign((24 - 12) * (y - 12) - (24 - 12) * (x - 12));
      if (naive !== exact) naiveWrong++;
    }
    expect(naiveWrong).toBeGreaterThan(0);
  });

  it('handles subnormal and large coordinates in the exact path', () => {
    expect(exactOrientationSign(0, 0, 5e-324, 5e-324, 1e-323, 1e-323)).toBe(0);
    expect(exactOrientationSign(0, 0, 1e300, 1e300, 1e300, -1e300)).toBe(-1);
    expect(exactOrientationSign(-1.5, 2.25, 3.75, -0.5, -1.5, 2.25)).toBe(0);
  });
});
