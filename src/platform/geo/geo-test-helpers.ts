/**
 * Assertions shared by the geo tests (not used by the application).
 *
 * Why: the import tests of real files, of repairs and of file reading check the same things:
 * an outcome is usable, a multipolygon has the RFC 7946 shape, an error has a given code.
 */
import { expect } from 'vitest';
import { ringSignedArea } from './measure.ts';
import { BoundaryFileError } from './read-boundary-file.ts';
import type { GeometryOutcome } from './repair-polygon.ts';
import type { MultiPolygonCoords, Position } from './types.ts';

export function usable(outcome: GeometryOutcome): MultiPolygonCoords {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason} ${outcome.detail ?? ''}`);
  return outcome.multipolygon;
}

/** RFC 7946 shape: closed rings, exterior counter-clockwise, holes clockwise, no repeats. */
export function expectValidShape(multi: MultiPolygonCoords): void {
  expect(multi.length).toBeGreaterThan(0);
  for (const part of multi) {
    part.forEach((ring, index) => {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (let i = 1; i < ring.length; i++) expect(ring[i]).not.toEqual(ring[i - 1]);
      if (index === 0) expect(ringSignedArea(ring)).toBeGreaterThan(0);
      else expect(ringSignedArea(ring)).toBeLessThan(0);
    });
  }
}

export function expectBoundaryFileError(run: () => unknown, code: string): BoundaryFileError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BoundaryFileError);
    expect((error as BoundaryFileError).code).toBe(code);
    return error as BoundaryFileError;
  }
  throw new Error('expected a BoundaryFileError');
}

export const polygon = (...rings: Position[][]): unknown => ({ type: 'Polygon', coordinates: rings });

export const warningCodes = (outcome: GeometryOutcome): string[] =>
  outcome.ok ? outcome.warnings.map((warning) => warning.code) : [];
