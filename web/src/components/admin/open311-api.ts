/** Shapes of the Open311 client API (src/modules/open311/open311.schema.ts). */

export interface Open311Client {
  id: string;
  name: string;
  /** The key's last four characters. */
  keyHint: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface IssuedOpen311Client extends Open311Client {
  /** Shown once; null when an Idempotency-Key replayed the issue (the key was never stored). */
  apiKey: string | null;
}
