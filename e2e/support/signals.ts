/** Signals reported through the API, for tests that start from a signal already there. */
import type { APIRequestContext } from '@playwright/test';
import { ZONE } from './demo.ts';
import { expect, test } from './fixtures.ts';

/** Points inside demo neighbourhoods (Binnenstad: the demo officer's own). */
export const BINNENSTAD = { lon: 3.7245, lat: 51.0535 };
export const BLOEMEKENSWIJK = { lon: 3.7075, lat: 51.0707 };

export interface Reported {
  id: string;
  reference: string;
}

/**
 * Reports a signal as a resident would (no session). The server allows a
 * client a few anonymous writes a minute, and every test of a run reports
 * from the same address: on 429 it waits as the answer says, then retries.
 */
export async function reportSignal<T extends Reported = Reported>(
  request: APIRequestContext,
  body: Record<string, unknown>,
): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const response = await request.post(`/api/zones/${ZONE}/signals`, {
      data: body,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    if (response.status() === 429) {
      const seconds = Number(response.headers()['retry-after'] ?? '60');
      test.info().setTimeout(test.info().timeout + (seconds + 5) * 1000);
      await new Promise((resolve) => setTimeout(resolve, (seconds + 1) * 1000));
      continue;
    }
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as T;
  }
  throw new Error('reporting stayed rate limited');
}
