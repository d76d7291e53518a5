import { describe, expect, it } from 'vitest';
import { isUuid, newId } from './ids.ts';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The 48-bit Unix milliseconds at the front of a v7 id. */
function millisOf(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

describe('newId', () => {
  it('makes RFC 9562 version-7 UUIDs: version nibble 7, variant bits 10', () => {
    for (let i = 0; i < 1000; i += 1) {
      const id = newId();
      expect(id).toMatch(V7);
      const hex = id.replace(/-/g, '');
      expect(parseInt(hex[12] ?? '', 16)).toBe(7);
      expect(parseInt(hex[16] ?? '', 16) >> 2).toBe(0b10);
      expect(isUuid(id)).toBe(true);
    }
  });

  it('carries the creation time in its first 48 bits', () => {
    const future = Date.now() + 10 * 365 * 24 * 3600_000; // later than anything made before in this process
    expect(millisOf(newId(future))).toBe(future);
    const before = Date.now();
    const id = newId();
    // The counter may have borrowed a millisecond or so; the embedded time is never in the past.
    expect(millisOf(id)).toBeGreaterThanOrEqual(before);
  });

  it('sorts by creation time', () => {
    const base = Date.now() + 20 * 365 * 24 * 3600_000;
    const ids = [0, 1, 2, 5, 1000, 60_000, 3_600_000].map((offset) => newId(base + offset));
    expect([...ids].sort()).toEqual(ids);
    expect(ids.map(millisOf)).toEqual([0, 1, 2, 5, 1000, 60_000, 3_600_000].map((o) => base + o));
  });

  it('stays unique and ordered over 10,000 ids made in the same millisecond', () => {
    const moment = Date.now() + 30 * 365 * 24 * 3600_000;
    const ids = Array.from({ length: 10_000 }, () => newId(moment));
    expect(new Set(ids).size).toBe(10_000);
    for (let i = 1; i < ids.length; i += 1) {
      expect((ids[i - 1] ?? '') < (ids[i] ?? '')).toBe(true);
    }
    for (const id of ids) expect(id).toMatch(V7);
    // The 12-bit counter overflows within 10,000 ids: it borrows the next milliseconds, never earlier ones.
    expect(millisOf(ids[0] ?? '')).toBe(moment);
    expect(millisOf(ids[ids.length - 1] ?? '')).toBeGreaterThan(moment);
    expect(millisOf(ids[ids.length - 1] ?? '')).toBeLessThan(moment + 10);
  });

  it('never goes backwards when the clock does', () => {
    const later = Date.now() + 40 * 365 * 24 * 3600_000;
    const first = newId(later);
    const second = newId(later - 5000);
    expect(second > first).toBe(true);
  });
});

describe('isUuid', () => {
  it('accepts lower-case UUIDs and refuses anything else', () => {
    expect(isUuid('0190a7e0-1234-7abc-8def-0123456789ab')).toBe(true);
    expect(isUuid('0190A7E0-1234-7ABC-8DEF-0123456789AB')).toBe(false);
    expect(isUuid('0190a7e0-1234-7abc-8def-0123456789a')).toBe(false);
    expect(isUuid('0190a7e01234-7abc-8def-0123456789ab')).toBe(false);
    expect(isUuid(' 0190a7e0-1234-7abc-8def-0123456789ab')).toBe(false);
    expect(isUuid('')).toBe(false);
  });
});
