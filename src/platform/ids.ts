/**
 * UUID v7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Made by the
 * application so ids exist before the insert and sort by creation time, which
 * keeps B-tree inserts local and makes ids usable as pagination cursors.
 * Within one millisecond a 12-bit counter keeps ids from one process ordered.
 */
import { randomFillSync } from 'node:crypto';

// Random bytes drawn from a pooled buffer: one system call per 4,096 ids instead of two per
// id, which matters when an import makes a million of them.
const pool = Buffer.alloc(64 * 1024);
let poolAt = pool.length;

function randomBytes(n: number): Buffer {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const out = Buffer.allocUnsafe(n);
  pool.copy(out, 0, poolAt, poolAt + n);
  poolAt += n;
  return out;
}

let lastMillis = 0;
let counter = 0;

export function newId(now: number = Date.now()): string {
  if (now <= lastMillis) {
    counter += 1;
    if (counter > 0xfff) {
      // Counter exhausted within one millisecond: borrow the next millisecond.
      lastMillis += 1;
      counter = 0;
    }
  } else {
    lastMillis = now;
    counter = randomBytes(2).readUInt16BE(0) & 0x3ff; // leave room to count up
  }
  const bytes = randomBytes(16);
  const ms = lastMillis;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
