import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-error-position.ts';

describe('findJsonSyntaxError', () => {
  it('accepts valid JSON', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '0', '"s"']) {
      expect(JSON.parse(text)).toBeDefined();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it.each([
    ['{"type": "FeatureCollection",\n  "features": [oops]}', 2, 16],
    ['{"a": 1,}', 1, 9],
    ["{'a': 1}", 1, 2],
    ['[1, 2', 1, 6],
    ['{"a": 1} x', 1, 10],
    ['{"a": "unterminated', 1, 20],
    ['{"a": 01}', 1, 8],
  ])('%j fails at line %i, column %i', (text, line, column) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column });
  });
});
