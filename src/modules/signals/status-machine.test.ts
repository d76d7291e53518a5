/**
 * Statuses are data with a type, moved only along the zone's allowed
 * transitions. Every default transition is exercised, every other one is
 * refused (with the status names in the request language), closing stamps
 * closed_at and reopening clears it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { defaultStatuses, defaultTransitions } from '../categories/default-taxonomy.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';

const zone = 'gent';
let t: TestApp;
let officer: Agent;
let clerk: Agent;
const statuses = new Map<
  string,
  { id: string; type: string; name: Record<string, string>; next: string[] }
>();
const codeOf = new Map<string, string>();

function status(code: string) {
  const found = statuses.get(code);
  if (!found) throw new Error(`no status ${code}`);
  return found;
}

async function newSignal(): Promise<string> {
  const response = await officer.post(`/api/zones/${zone}/staff/signals`, {
    channel: 'patrol',
    category: 'noise',
    description: 'Vastgesteld op patrouille: luide muziek',
    location: { lon: 3.7215, lat: 51.0546 },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function move(signalId: string, code: string, headers: Record<string, string> = {}) {
  return officer.request({
    method: 'PATCH',
    url: `/api/zones/${zone}/staff/signals/${signalId}`,
    payload: { statusId: status(code).id },
    headers,
  });
}

async function row(signalId: string) {
  return t.context.db
    .selectFrom('signals')
    .select(['status_id', 'closed_at'])
    .where('id', '=', signalId)
    .executeTakeFirstOrThrow();
}

/** A new signal brought to `code` (through one allowed step when it is not the initial status). */
async function signalIn(code: string): Promise<string> {
  const id = await newSignal();
  if (code !== 'new') expect((await move(id, code)).statusCode).toBe(200);
  expect((await row(id)).status_id).toBe(status(code).id);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureDemoZone(t.context);
  const zoneId = (
    await t.context.db.selectFrom('zones').select('id').where('slug', '=', zone).executeTakeFirstOrThrow()
  ).id;
  officer = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'officer' }] }));
  clerk = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'civilian_staff' }] }));
  const list = (await officer.get(`/api/zones/${zone}/signal-statuses`)).json() as {
    id: string;
    code: string;
    type: string;
    name: Record<string, string>;
    next: string[];
  }[];
  for (const s of list) {
    statuses.set(s.code, s);
    codeOf.set(s.id, s.code);
  }
});
afterAll(async () => t.close());

describe('the status workflow', () => {
  it('starts every zone with the default statuses and transitions', () => {
    expect([...statuses.keys()].sort()).toEqual(defaultStatuses.map((s) => s.code).sort());
    const offered = [...statuses.entries()].flatMap(([from, s]) =>
      s.next.map((id) => `${from}→${codeOf.get(id)}`),
    );
    expect(offered.sort()).toEqual(defaultTransitions.map(([from, to]) => `${from}→${to}`).sort());
  });

  it.each(defaultTransitions)('allows %s → %s', async (from, to) => {
    const id = await signalIn(from);
    const response = await move(id, to);
    expect(response.statusCode, response.body).toBe(200);
    const after = await row(id);
    expect(after.status_id).toBe(status(to).id);
    expect(after.closed_at === null).toBe(status(to).type === 'open');
    const detail = (await officer.get(`/api/zones/${zone}/staff/signals/${id}`)).json() as {
      timeline: { kind: string; visibility: string; data: { statusId?: string } }[];
    };
    const last = detail.timeline.filter((e) => e.kind === 'status_changed').at(-1);
    expect(last).toMatchObject({ visibility: 'public', data: { statusId: status(to).id } });
  });

  it('refuses every other transition and leaves the status as it was', async () => {
    const allowed = new Set(defaultTransitions.map(([from, to]) => `${from}→${to}`));
    const wronglyAllowed: string[] = [];
    let refusals = 0;
    for (const from of statuses.keys()) {
      const id = await signalIn(from);
      for (const to of statuses.keys()) {
        if (to === from || allowed.has(`${from}→${to}`)) continue;
        const response = await move(id, to);
        if (response.statusCode !== 409 || response.json().error.code !== 'status_transition_invalid')
          wronglyAllowed.push(`${from}→${to}: ${response.statusCode}`);
        expect((await row(id)).status_id).toBe(status(from).id);
        refusals += 1;
      }
    }
    expect(wronglyAllowed).toEqual([]);
    expect(refusals).toBe(statuses.size * (statuses.size - 1) - defaultTransitions.length);
  });

  it('names both statuses in the refusal, in the request language', async () => {
    const id = await signalIn('closed_answered');
    for (const language of ['nl', 'fr'] as const) {
      const response = await move(id, 'fixed', { 'accept-language': language });
      expect(response.json().error.message).toBe(
        translate(language, 'error.status_transition_invalid', {
          from: status('closed_answered').name[language] ?? '',
          to: status('fixed').name[language] ?? '',
        }),
      );
    }
  });

  it('stamps closed_at on closing and clears it on reopening', async () => {
    const id = await signalIn('new');
    expect((await row(id)).closed_at).toBeNull();
    expect((await move(id, 'closed_no_action')).statusCode).toBe(200);
    expect((await row(id)).closed_at?.getTime()).toBe(t.clock.now().getTime());
    t.clock.advance(60_000);
    expect((await move(id, 'in_progress')).statusCode).toBe(200);
    expect((await row(id)).closed_at).toBeNull();
    t.clock.advance(60_000);
    expect((await move(id, 'fixed')).statusCode).toBe(200);
    expect((await row(id)).closed_at?.getTime()).toBe(t.clock.now().getTime());
  });

  it('lets only those who handle signals change the status, and only to statuses of the zone', async () => {
    const id = await signalIn('new');
    const byClerk = await clerk.patch(`/api/zones/${zone}/staff/signals/${id}`, {
      statusId: status('in_progress').id,
    });
    expect(byClerk.statusCode).toBe(403);
    const foreign = await officer.patch(`/api/zones/${zone}/staff/signals/${id}`, {
      statusId: '01900000-0000-7000-8000-000000000000',
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('status_not_found');
    expect((await row(id)).status_id).toBe(status('new').id);
  });
});
