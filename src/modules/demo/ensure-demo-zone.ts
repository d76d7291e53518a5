/**
 * Builds the demo zone on first start (and from `npm run cli -- demo`): the
 * real neighbourhoods of Ghent with Ghent's real population spread over them
 * by area, grouped into fictional districts, covered by fictional officers.
 * Every demo record is marked is_demo; the web app says "demo" on every page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import polygonClipping, { type MultiPolygon } from 'polygon-clipping';
import type { AppContext } from '../../platform/app-context.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { newId } from '../../platform/ids.ts';
import { areaM2InCrs, boundingBox } from '../../platform/geo/measure.ts';
import { readBoundaryFile } from '../../platform/geo/read-boundary-file.ts';
import { normalizeFeatureGeometry, toGeoJsonMultiPolygon } from '../../platform/geo/repair-polygon.ts';
import type { MultiPolygonCoords } from '../../platform/geo/types.ts';
import { insertAccount } from '../accounts/accounts.repository.ts';
import { importAddresses } from '../addresses/import-addresses.ts';
import { loadDemoSignals } from './demo-signals.ts';
import { generateDemoIncidentsJob } from './generate-demo-incidents.ts';
import { upsertArea } from '../areas/areas.repository.ts';
import { forgetAreaIndex } from '../areas/area-index-cache.ts';
import { importAreas } from '../areas/import-areas.ts';
import {
  insertAbsence,
  insertOfficer,
  setAssignment,
  insertAssignmentEvent,
} from '../officers/officers.repository.ts';
import { dateInTimeZone } from '../officers/zone-date.ts';
import { createZone } from '../zones/create-zone.ts';
import { findZoneBySlug, updateZoneSettings } from '../zones/zones.repository.ts';
import {
  DEMO_PASSWORD,
  DEMO_ZONE_SLUG,
  demoAbsentOfficer,
  demoAccounts,
  demoAddresses,
  demoDistricts,
  demoLegal,
  demoOfficers,
  demoOfficerTitle,
} from './demo-content.ts';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/geo');
const GHENT_NIS = '44021';
/** Average household size in Ghent (Statbel, rounded): households are estimated from population. */
const PEOPLE_PER_HOUSEHOLD = 2.1;

export function ghentPopulation(): number {
  const file = readBoundaryFile(
    readFileSync(path.join(dataDir, 'belgium-municipalities.topo.json'), 'utf8'),
    { topojsonObject: 'municipalities' },
  );
  const ghent = file.features.find((f) => String(f.properties['nis']) === GHENT_NIS);
  const population = Number(ghent?.properties['population']);
  if (!Number.isFinite(population) || population <= 0)
    throw new Error('Ghent (NIS 44021) not found in the municipalities file');
  return population;
}

export interface DemoResult {
  created: boolean;
  slug: string;
  /** Neighbourhoods loaded. */
  areas: number;
  districts: number;
  officers: number;
}

export async function ensureDemoZone(context: AppContext): Promise<DemoResult> {
  const existing = await findZoneBySlug(context.db, DEMO_ZONE_SLUG);
  if (existing) return { created: false, slug: existing.slug, areas: 0, districts: 0, officers: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await context.db.transaction().execute(async (trx) => {
    const now = context.now();
    const zone = await createZone(
      context,
      trx,
      null,
      'en',
      {
        slug: DEMO_ZONE_SLUG,
        name: 'Politiezone Gent (demo)',
        languages: ['nl', 'fr', 'de', 'en'],
        defaultLanguage: 'nl',
        timeZone: 'Europe/Brussels',
        projection: 'EPSG:31370',
        contact: {
          phone: '+32 9 000 00 00',
          email: 'contact@demo.nabij.example',
          address: 'Demostraat 1, 9000 Gent',
          website: null,
          openingHours: {
            nl: 'Ma–vr 8–20 u',
            fr: 'Lu–ve 8 h–20 h',
            de: 'Mo–Fr 8–20 Uhr',
            en: 'Mon–Fri 8 am–8 pm',
          },
        },
      },
      { isDemo: true },
    );
    await updateZoneSettings(trx, zone.id, { legal: demoLegal }, now);
    const zoneRow = await findZoneBySlug(trx, DEMO_ZONE_SLUG);
    if (!zoneRow) throw new Error('demo zone vanished');

    const report = await importAreas(
      context,
      zoneRow,
      null,
      {
        fileName: 'gent-wijken.geojson',
        content: readFileSync(path.join(dataDir, 'gent-wijken.geojson'), 'utf8'),
        kind: 'neighbourhood',
        nameLanguage: 'nl',
        isDemo: true,
      },
      trx,
    );
    const neighbourhoods = await trx
      .selectFrom('areas')
      .selectAll()
      .where('zone_id', '=', zone.id)
      .where('kind', '=', 'neighbourhood')
      .execute();
    const byName = new Map(neighbourhoods.map((a) => [a.name.nl ?? a.code, a]));

    // Ghent's real population, spread in proportion to area (the only figure the open data gives).
    const population = ghentPopulation();
    const totalArea = neighbourhoods.reduce((sum, a) => sum + a.area_m2, 0);
    for (const area of neighbourhoods) {
      const share = Math.round((population * area.area_m2) / totalArea);
      await trx
        .updateTable('areas')
        .set({ population: share, households: Math.round(share / PEOPLE_PER_HOUSEHOLD) })
        .where('id', '=', area.id)
        .execute();
    }

    for (const district of demoDistricts) {
      const members = district.neighbourhoods.map((name) => {
        const area = byName.get(name);
        if (!area) throw new Error(`demo district ${district.code}: no neighbourhood "${name}"`);
        return area;
      });
      const [first, ...rest] = members.map((m) => m.boundary.coordinates as MultiPolygon);
      if (!first) throw new Error(`demo district ${district.code} is empty`);
      const union = polygonClipping.union(first, ...rest);
      const outcome = normalizeFeatureGeometry({ type: 'MultiPolygon', coordinates: union });
      if (!outcome.ok) throw new Error(`demo district ${district.code}: ${outcome.reason}`);
      const multipolygon: MultiPolygonCoords = outcome.multipolygon;
      const districtPopulation = members.reduce(
        (sum, m) => sum + Math.round((population * m.area_m2) / totalArea),
        0,
      );
      const { id: districtId } = await upsertArea(
        trx,
        {
          id: newId(),
          zoneId: zone.id,
          parentId: null,
          kind: 'district',
          code: district.code,
          name: district.name,
          boundary: toGeoJsonMultiPolygon(multipolygon),
          bbox: boundingBox(multipolygon),
          areaM2: areaM2InCrs(multipolygon, 'EPSG:31370'),
          population: districtPopulation,
          households: Math.round(districtPopulation / PEOPLE_PER_HOUSEHOLD),
          isDemo: true,
        },
        now,
      );
      await trx
        .updateTable('areas')
        .set({ parent_id: districtId })
        .where(
          'id',
          'in',
          members.map((m) => m.id),
        )
        .execute();
    }

    const officerIds = new Map<string, string>();
    for (const officer of demoOfficers) {
      const id = newId();
      officerIds.set(officer.name, id);
      const local = officer.name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]+/g, '.');
      await insertOfficer(
        trx,
        zone.id,
        id,
        {
          name: officer.name,
          title: demoOfficerTitle,
          phone: officer.phone,
          email: `${local}@demo.nabij.example`,
          photoUrl: null,
          accountId: null,
        },
        now,
        true,
      );
    }
    for (const district of demoDistricts) {
      const districtOfficers = demoOfficers.filter((o) =>
        o.neighbourhoods.some((n) => district.neighbourhoods.includes(n)),
      );
      for (const [i, officer] of districtOfficers.entries()) {
        const deputy = districtOfficers[(i + 1) % districtOfficers.length];
        for (const name of officer.neighbourhoods) {
          const area = byName.get(name);
          const officerId = officerIds.get(officer.name);
          if (!area || !officerId) continue;
          const deputyId =
            deputy && deputy.name !== officer.name ? (officerIds.get(deputy.name) ?? null) : null;
          await setAssignment(trx, zone.id, area.id, officerId, deputyId, now);
          await insertAssignmentEvent(
            trx,
            {
              id: newId(),
              zoneId: zone.id,
              areaId: area.id,
              officerId,
              deputyOfficerId: deputyId,
              accountId: null,
            },
            now,
          );
        }
      }
    }
    const absentId = officerIds.get(demoAbsentOfficer);
    if (absentId) {
      const today = dateInTimeZone(now, 'Europe/Brussels');
      const nextYear = dateInTimeZone(new Date(now.getTime() + 365 * 86400_000), 'Europe/Brussels');
      await insertAbsence(
        trx,
        { id: newId(), zoneId: zone.id, officerId: absentId, startsOn: today, endsOn: nextYear },
        now,
      );
    }

    for (const account of demoAccounts) {
      const id = newId();
      await insertAccount(
        trx,
        { id, email: account.email, displayName: account.name, passwordHash, language: null, isDemo: true },
        now,
      );
      await trx
        .insertInto('role_grants')
        .values({
          id: newId(),
          zone_id: zone.id,
          account_id: id,
          role: account.role,
          area_ids: '[]',
          created_at: now,
        })
        .execute();
      const officerId = officerIds.get(account.name);
      if (officerId)
        await trx.updateTable('officers').set({ account_id: id }).where('id', '=', officerId).execute();
    }
    return {
      areas: report.imported + report.repaired,
      districts: demoDistricts.length,
      officers: demoOfficers.length,
      zoneId: zone.id,
    };
  });
  forgetAreaIndex(result.zoneId);
  const zone = await findZoneBySlug(context.db, DEMO_ZONE_SLUG);
  if (zone) {
    const lines = demoAddresses.map((a) => `${a.street},${a.houseNumber},9000,Gent,${a.lon},${a.lat}`);
    await importAddresses(
      context,
      zone,
      null,
      ['street,house_number,postcode,municipality,lon,lat', ...lines].join('\n'),
    );
    await loadDemoSignals(context, zone);
    await context.jobs.send(generateDemoIncidentsJob, { zoneId: zone.id });
  }
  return {
    created: true,
    slug: DEMO_ZONE_SLUG,
    areas: result.areas,
    districts: result.districts,
    officers: result.officers,
  };
}
