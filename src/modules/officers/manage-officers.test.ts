/**
 * Staff management of officers: create, change, remove, absences, who may
 * record whose absence, idempotent creation and zone isolation.
 *
 * The creating POSTs (officers, absences) run in a fresh application per test
 * and every request there is given a deadline: when one hangs (see the note on
 * `withinDeadline`), that test fails on its own instead of hanging the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { newId } from '../../platform/ids.ts';
import { insertAbsence, insertOfficer } from './officers.repository.ts';

const DEADLINE_MS = 5_000;

/**
 * Rejects when the request has not answered in time. On PGlite (one connection) a request
 * whose use case opens its own transaction while idempotent() holds the connection in
 * another never answers.
 */
function withinDeadline<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`${what} did not answer within ${DEADLINE_MS / 1000} s (stuck on the database)`)),
      DEADLINE_MS,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const officerBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  title: { nl: 'Wijkinspecteur', fr: 'Inspecteur de quartier' },
  phone: '+32 9 123 45 67',
  email: `${name.toLowerCase().replace(/\W+/g, '.')}@politie.example`,
  ...extra,
});

async function createOfficerRow(app: TestApp, zoneId: string, name: string, accountId: string | null = null) {
  const id = newId();
  await insertOfficer(
    app.context.db,
    zoneId,
    id,
    {
      name,
      title: { nl: 'Wijkinspecteur' },
      phone: '+32 9 000 00 00',
      email: null,
      photoUrl: null,
      accountId,
    },
    app.clock.now(),
  );
  return id;
}

async function auditCount(app: TestApp, action: string, subjectId: string): Promise<number> {
  const rows = await app.context.db
    .selectFrom('audit_entries')
    .select('id')
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .execute();
  return rows.length;
}

interface StaffOfficer {
  id: string;
  name: string;
  phone: string | null;
  accountId: string | null;
  absences: { id: string; startsOn: string; endsOn: string }[];
}

describe('changing and removing officers', () => {
  let t: TestApp;
  let zone: { id: string; slug: string };
  let other: { id: string; slug: string };
  let admin: Agent;
  let otherAdmin: Agent;
  let supervisor: Agent;
  let officerAgent: Agent;
  let officerAccountId: string;

  beforeAll(async () => {
    t = await createTestApp();
    zone = await t.createZone();
    other = await t.createZone();
    admin = await t.login(
      await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true }),
    );
    otherAdmin = await t.login(
      await t.createAccount({ grants: [{ zoneId: other.id, role: 'administrator' }], totp: true }),
    );
    supervisor = await t.login(await t.createAccount({ grants: [{ zoneId: zone.id, role: 'supervisor' }] }));
    const officerAccount = await t.createAccount({ grants: [{ zoneId: zone.id, role: 'officer' }] });
    officerAccountId = officerAccount.id;
    officerAgent = await t.login(officerAccount);
  });
  afterAll(async () => t.close());

  it('changes an officer’s details, validates them and audits the change', async () => {
    const id = await createOfficerRow(t, zone.id, 'Els Maes');
    const url = `/api/zones/${zone.slug}/officers/${id}`;
    const response = await supervisor.patch(url, { name: 'Els Maes-Janssens', phone: '+32 9 111 22 33' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, name: 'Els Maes-Janssens', phone: '+32 9 111 22 33' });
    expect(await auditCount(t, 'officer.updated', id)).toBe(1);

    const linked = await admin.patch(url, { accountId: officerAccountId });
    expect(linked.json().accountId).toBe(officerAccountId);

    const badPhone = await admin.patch(url, { phone: 'call me maybe' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details.map((d: { path: string }) => d.path)).toContain('body/phone');
    expect((await admin.patch(url, {})).statusCode).toBe(400);
    // An account without a role in this zone cannot be linked.
    const stranger = await t.createAccount({ grants: [{ zoneId: other.id, role: 'officer' }] });
    const foreignAccount = await admin.patch(url, { accountId: stranger.id });
    expect(foreignAccount.statusCode).toBe(404);
    expect(foreignAccount.json().error.code).toBe('account_not_found');

    const after = (await admin.get(url)).json() as StaffOfficer;
    expect(after).toMatchObject({
      name: 'Els Maes-Janssens',
      phone: '+32 9 111 22 33',
      accountId: officerAccountId,
    });
    expect(await auditCount(t, 'officer.updated', id)).toBe(2);
  });

  it('removes an officer: their neighbourhood becomes unassigned', async () => {
    const id = await createOfficerRow(t, zone.id, 'Tom Wuyts');
    const areaId = newId();
    await t.context.db
      .insertInto('areas')
      .values({
        id: areaId,
        zone_id: zone.id,
        parent_id: null,
        kind: 'neighbourhood',
        code: 'wijk-tom',
        name: JSON.stringify({ nl: 'Wijk' }),
        boundary: JSON.stringify({
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [3.7, 51],
                [3.71, 51],
                [3.71, 51.01],
                [3.7, 51.01],
                [3.7, 51],
              ],
            ],
          ],
        }),
        min_lon: 3.7,
        min_lat: 51,
        max_lon: 3.71,
        max_lat: 51.01,
        area_m2: 770_000,
        population: null,
        households: null,
        is_demo: false,
        created_at: t.clock.now(),
        updated_at: t.clock.now(),
      })
      .execute();
    const assigned = await admin.put(`/api/zones/${zone.slug}/areas/${areaId}/officer`, {
      officerId: id,
      deputyOfficerId: null,
    });
    expect(assigned.statusCode).toBe(200);
    const url = `/api/zones/${zone.slug}/officers/${id}`;
    expect((await officerAgent.delete(url)).statusCode).toBe(403);
    const removed = await admin.delete(url);
    expect(removed.statusCode).toBe(204);
    const gone = await admin.get(url);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('officer_not_found');
    expect((await admin.delete(url)).json().error.code).toBe('officer_not_found');
    const lookup = await t.anonymous().get(`/api/zones/${zone.slug}/neighbourhood-officer?areaId=${areaId}`);
    expect(lookup.json()).toMatchObject({ availability: 'nobody', officer: null });
    expect(await auditCount(t, 'officer.removed', id)).toBe(1);
  });

  it('removes absences: an officer their own, a supervisor anyone’s', async () => {
    const own = await createOfficerRow(t, zone.id, 'Lies Own', officerAccountId);
    const colleague = await createOfficerRow(t, zone.id, 'Jan Colleague');
    const absence = async (officerId: string) => {
      const id = newId();
      await insertAbsence(
        t.context.db,
        { id, zoneId: zone.id, officerId, startsOn: '2026-07-01', endsOn: '2026-07-14' },
        t.clock.now(),
      );
      return id;
    };
    const ownAbsence = await absence(own);
    const colleagueAbsence = await absence(colleague);
    const forbidden = await officerAgent.delete(
      `/api/zones/${zone.slug}/officers/${colleague}/absences/${colleagueAbsence}`,
    );
    expect(forbidden.statusCode).toBe(403);
    expect(
      (await officerAgent.delete(`/api/zones/${zone.slug}/officers/${own}/absences/${ownAbsence}`))
        .statusCode,
    ).toBe(204);
    expect(
      (await supervisor.delete(`/api/zones/${zone.slug}/officers/${colleague}/absences/${colleagueAbsence}`))
        .statusCode,
    ).toBe(204);
    const again = await supervisor.delete(
      `/api/zones/${zone.slug}/officers/${colleague}/absences/${colleagueAbsence}`,
    );
    expect(again.statusCode).toBe(404);
    const left = await t.context.db
      .selectFrom('officer_absences')
      .select('id')
      .where('officer_id', 'in', [own, colleague])
      .execute();
    expect(left).toEqual([]);
    expect(await auditCount(t, 'officer.absence_removed', own)).toBe(1);
    expect(await auditCount(t, 'officer.absence_removed', colleague)).toBe(1);
  });

  it('keeps zones apart: another zone’s administrator is refused, and ids do not cross zones', async () => {
    const id = await createOfficerRow(t, zone.id, 'Zone A Officer');
    const absenceId = newId();
    await insertAbsence(
      t.context.db,
      { id: absenceId, zoneId: zone.id, officerId: id, startsOn: '2026-08-01', endsOn: '2026-08-02' },
      t.clock.now(),
    );
    // Through zone A's URLs, the administrator of zone B has no rights.
    const inA = `/api/zones/${zone.slug}/officers`;
    expect((await otherAdmin.get(inA)).statusCode).toBe(403);
    expect((await otherAdmin.post(inA, officerBody('Intruder'))).statusCode).toBe(403);
    expect((await otherAdmin.patch(`${inA}/${id}`, { name: 'Renamed' })).statusCode).toBe(403);
    expect((await otherAdmin.delete(`${inA}/${id}`)).statusCode).toBe(403);
    expect((await otherAdmin.delete(`${inA}/${id}/absences/${absenceId}`)).statusCode).toBe(403);
    // Through zone B's URLs, zone A's officer does not exist.
    const inB = `/api/zones/${other.slug}/officers/${id}`;
    for (const response of [
      await otherAdmin.get(inB),
      await otherAdmin.patch(inB, { name: 'Renamed' }),
      await otherAdmin.delete(inB),
      await otherAdmin.delete(`${inB}/absences/${absenceId}`),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('officer_not_found');
    }
    expect((await otherAdmin.get(`/api/zones/${other.slug}/officers`)).json()).toEqual([]);
    const row = await t.context.db
      .selectFrom('officers')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Zone A Officer');
    expect(
      await t.context.db.selectFrom('officer_absences').select('id').where('id', '=', absenceId).execute(),
    ).toHaveLength(1);
  });
});

describe('creating officers and recording absences (POST)', () => {
  interface Fresh {
    t: TestApp;
    zone: { id: string; slug: string };
    admin: Agent;
  }
  /** A fresh application per test: a stuck request cannot take the other tests with it. */
  async function inFreshApp(run: (fresh: Fresh) => Promise<void>): Promise<void> {
    const t = await createTestApp();
    try {
      const zone = await t.createZone();
      const admin = await t.login(
        await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true }),
      );
      await run({ t, zone, admin });
    } finally {
      // A database stuck on a request cannot close: give up on it after a while.
      await Promise.race([t.close(), new Promise((resolve) => setTimeout(resolve, DEADLINE_MS))]);
    }
  }
  const post = (agent: Agent, url: string, body: unknown, headers?: Record<string, string>) =>
    withinDeadline(agent.post(url, body, headers), `POST ${url.replace(/[0-9a-f-]{36}/g, ':id')}`);

  it('creates an officer, lists it and audits it', { timeout: 60_000 }, async () => {
    await inFreshApp(async ({ t, zone, admin }) => {
      const response = await post(admin, `/api/zones/${zone.slug}/officers`, officerBody('Nora Willems'));
      expect(response.statusCode).toBe(201);
      const created = response.json() as StaffOfficer;
      expect(created).toMatchObject({
        name: 'Nora Willems',
        phone: '+32 9 123 45 67',
        accountId: null,
        absences: [],
      });
      const list = (await admin.get(`/api/zones/${zone.slug}/officers`)).json() as StaffOfficer[];
      expect(list.map((o) => o.id)).toEqual([created.id]);
      expect(await auditCount(t, 'officer.created', created.id)).toBe(1);
      const invalid = await post(admin, `/api/zones/${zone.slug}/officers`, { name: 'X' });
      expect(invalid.statusCode).toBe(400);
    });
  });

  it(
    'creates one officer for one Idempotency-Key, however often it is sent',
    { timeout: 60_000 },
    async () => {
      await inFreshApp(async ({ t, zone, admin }) => {
        const url = `/api/zones/${zone.slug}/officers`;
        const headers = { 'idempotency-key': 'create-officer-0001' };
        const first = await post(admin, url, officerBody('Ruben Idem'), headers);
        expect(first.statusCode).toBe(201);
        const second = await post(admin, url, officerBody('Ruben Idem'), headers);
        expect(second.statusCode).toBe(201);
        expect(second.headers['idempotent-replayed']).toBe('true');
        expect(second.json().id).toBe(first.json().id);
        const rows = await t.context.db
          .selectFrom('officers')
          .select('id')
          .where('zone_id', '=', zone.id)
          .execute();
        expect(rows).toHaveLength(1);
        const reused = await post(admin, url, officerBody('Someone Else'), headers);
        expect(reused.json().error.code).toBe('idempotency_key_reused');
      });
    },
  );

  it('records absences and refuses an end before the start', { timeout: 60_000 }, async () => {
    await inFreshApp(async ({ t, zone, admin }) => {
      const officerId = await createOfficerRow(t, zone.id, 'Vera Verlof');
      const url = `/api/zones/${zone.slug}/officers/${officerId}/absences`;
      // Days ahead of the application's clock, so the staff list (which hides past absences) shows it.
      const day = (ahead: number) =>
        new Date(t.clock.now().getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
      const wrong = await post(admin, url, { startsOn: day(10), endsOn: day(9) });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe('absence_dates_invalid');
      const added = await post(admin, url, { startsOn: day(10), endsOn: day(12) });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ startsOn: day(10), endsOn: day(12) });
      const officer = (
        await admin.get(`/api/zones/${zone.slug}/officers/${officerId}`)
      ).json() as StaffOfficer;
      expect(officer.absences).toEqual([{ id: added.json().id, startsOn: day(10), endsOn: day(12) }]);
      expect(await auditCount(t, 'officer.absence_added', officerId)).toBe(1);
    });
  });

  it(
    'lets an officer record their own absence but not a colleague’s; a supervisor records anyone’s',
    { timeout: 60_000 },
    async () => {
      await inFreshApp(async ({ t, zone }) => {
        const account = await t.createAccount({ grants: [{ zoneId: zone.id, role: 'officer' }] });
        const officerAgent = await t.login(account);
        const own = await createOfficerRow(t, zone.id, 'Ilse Self', account.id);
        const colleague = await createOfficerRow(t, zone.id, 'Koen Other');
        const supervisor = await t.login(
          await t.createAccount({ grants: [{ zoneId: zone.id, role: 'supervisor' }] }),
        );
        const body = { startsOn: '2026-06-01', endsOn: '2026-06-05' };
        const mine = await post(officerAgent, `/api/zones/${zone.slug}/officers/${own}/absences`, body);
        expect(mine.statusCode).toBe(201);
        const theirs = await post(
          officerAgent,
          `/api/zones/${zone.slug}/officers/${colleague}/absences`,
          body,
        );
        expect(theirs.statusCode).toBe(403);
        expect(theirs.json().error.code).toBe('forbidden');
        const bySupervisor = await post(
          supervisor,
          `/api/zones/${zone.slug}/officers/${colleague}/absences`,
          body,
        );
        expect(bySupervisor.statusCode).toBe(201);
        const analyst = await t.login(
          await t.createAccount({ grants: [{ zoneId: zone.id, role: 'analyst' }] }),
        );
        expect(
          (await post(analyst, `/api/zones/${zone.slug}/officers/${own}/absences`, body)).statusCode,
        ).toBe(403);
        const rows = await t.context.db.selectFrom('officer_absences').select('officer_id').execute();
        expect(rows.map((r) => r.officer_id).sort()).toEqual([own, colleague].sort());
      });
    },
  );

  it('does not find another zone’s officer when recording an absence', { timeout: 60_000 }, async () => {
    await inFreshApp(async ({ t, zone, admin }) => {
      const other = await t.createZone();
      const foreign = await createOfficerRow(t, other.id, 'Elders');
      const response = await post(admin, `/api/zones/${zone.slug}/officers/${foreign}/absences`, {
        startsOn: '2026-06-01',
        endsOn: '2026-06-01',
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('officer_not_found');
      expect(await t.context.db.selectFrom('officer_absences').select('id').execute()).toEqual([]);
    });
  });
});
