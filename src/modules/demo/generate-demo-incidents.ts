/**
 * Generated incidents for the demo zone: three years over Ghent's real
 * neighbourhoods, so the analyst pages show something true on first start.
 * Everything here is invented and marked `is_generated` (the pages say so).
 *
 * What is planted, so analyses have something real to find:
 *  - daily and weekly rhythms per type (burglary in the early evening and on
 *    weekdays, vehicle crime at night, vandalism and drugs at weekend nights),
 *    and more burglary in the dark months;
 *  - three hotspots (vandalism by the Korenmarkt, drugs by Dampoort station,
 *    vehicle crime in Brugse Poort): a Gaussian cluster of 80 m;
 *  - a near-repeat burglary pattern: after a burglary, a further one follows
 *    within 200 m and 14 days with probability 0.35 (Knox ratios > 1 in the
 *    near cells; not in the other types, whose times are independent of place).
 * A seeded generator makes the demo the same on every machine.
 */
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { uniform } from '../../analysis/random.ts';
import { AreaIndex } from '../../platform/geo/area-index.ts';
import { createProjection } from '../../platform/geo/projections.ts';
import type { MultiPolygonCoords } from '../../platform/geo/types.ts';
import { newId } from '../../platform/ids.ts';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { localParts, localToInstant } from '../../platform/time/zone-time.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { upsertIncidents, type IncidentBatch } from '../incidents/incidents.repository.ts';

interface TypeProfile {
  crimeType: string;
  perDay: number;
  /** Relative weight per hour of day (24). */
  hours: number[];
  /** Relative weight per weekday, Monday first. */
  weekdays: number[];
  winterBoost: number;
}

const flat = (n: number) => Array.from({ length: n }, () => 1);
const profiles: TypeProfile[] = [
  {
    crimeType: 'Burglary',
    perDay: 6,
    winterBoost: 0.4,
    weekdays: [1.1, 1.1, 1.1, 1.1, 1.2, 0.8, 0.6],
    hours: [2, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 5, 5, 5, 6, 8, 10, 11, 10, 8, 6, 4, 3],
  },
  {
    crimeType: 'Vehicle crime',
    perDay: 5,
    winterBoost: 0.1,
    weekdays: flat(7),
    hours: [9, 10, 10, 9, 7, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5, 6, 7, 8, 9],
  },
  {
    crimeType: 'Vandalism',
    perDay: 4,
    winterBoost: 0,
    weekdays: [0.7, 0.7, 0.8, 0.9, 1.3, 1.8, 1.5],
    hours: [10, 9, 8, 5, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10],
  },
  {
    crimeType: 'Drugs',
    perDay: 3,
    winterBoost: -0.1,
    weekdays: [0.8, 0.8, 0.9, 1, 1.2, 1.5, 1.2],
    hours: [6, 5, 4, 3, 2, 1, 1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 8, 8, 7],
  },
];

const hotspots = [
  { crimeType: 'Vandalism', lon: 3.7215, lat: 51.0546, share: 0.18 },
  { crimeType: 'Drugs', lon: 3.7405, lat: 51.0563, share: 0.25 },
  { crimeType: 'Vehicle crime', lon: 3.6985, lat: 51.0565, share: 0.15 },
];

function pick(weights: number[], random: () => number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i += 1) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export async function generateDemoIncidents(
  context: AppContext,
  zone: Zone,
  options: { years?: number; seed?: number } = {},
): Promise<number> {
  const random = uniform(options.seed ?? 20260101);
  const years = options.years ?? 3;
  const areas = await context.db
    .selectFrom('areas')
    .select(['id', 'boundary', 'kind'])
    .where('zone_id', '=', zone.id)
    .where('kind', '=', 'neighbourhood')
    .execute();
  const index = new AreaIndex(
    areas.map((a) => ({ id: a.id, multipolygon: a.boundary.coordinates as MultiPolygonCoords })),
  );
  const metric = createProjection(zone.projection);
  const box = areas.reduce(
    (b, a) => {
      for (const part of a.boundary.coordinates)
        for (const ring of part)
          for (const [x, y] of ring as [number, number][]) {
            b.minX = Math.min(b.minX, x);
            b.maxX = Math.max(b.maxX, x);
            b.minY = Math.min(b.minY, y);
            b.maxY = Math.max(b.maxY, y);
          }
      return b;
    },
    { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity },
  );
  const categoryByName = new Map<string, string>();
  for (const c of await listCategories(context.db, zone.id))
    for (const n of Object.values(c.name)) if (n) categoryByName.set(n.toLowerCase(), c.id);

  const end = new Date(Math.floor(context.now().getTime() / 86_400_000) * 86_400_000);
  const start = new Date(end.getTime() - years * 365 * 86_400_000);
  const events: { type: string; lon: number; lat: number; at: Date; areaId: string }[] = [];
  const placeIn = (): [number, number, string] => {
    for (;;) {
      const lon = box.minX + random() * (box.maxX - box.minX);
      const lat = box.minY + random() * (box.maxY - box.minY);
      const areaId = index.locate(lon, lat);
      if (areaId) return [lon, lat, areaId];
    }
  };
  const near = (lon: number, lat: number, sigma: number): [number, number, string] | null => {
    const [x, y] = metric.fromWgs84(lon, lat);
    const [nlon, nlat] = metric.toWgs84(x + gaussian(random) * sigma, y + gaussian(random) * sigma);
    const areaId = index.locate(nlon, nlat);
    return areaId ? [nlon, nlat, areaId] : null;
  };
  // The hour profiles are local time: the hour is counted on the zone's clock (DST-aware).
  const timeOn = (day: Date, profile: TypeProfile): Date => {
    const local = localParts(day, zone.time_zone);
    const hour = pick(profile.hours, random);
    const start = localToInstant(zone.time_zone, local.year, local.month, local.day, hour);
    return new Date(start.getTime() + Math.floor(random() * 3600) * 1000);
  };

  for (let day = start; day < end; day = new Date(day.getTime() + 86_400_000)) {
    const parts = localParts(day, zone.time_zone);
    const weekday = (day.getUTCDay() + 6) % 7;
    const winter = [11, 12, 1, 2].includes(parts.month) ? 1 : 0;
    for (const profile of profiles) {
      const expected = profile.perDay * (profile.weekdays[weekday] ?? 1) * (1 + profile.winterBoost * winter);
      // Poisson(expected) by inversion: small means, so this is quick.
      let count = 0;
      for (let p = Math.exp(-expected), s = p, u = random(); u > s; count += 1) {
        p *= expected / (count + 1);
        s += p;
      }
      for (let i = 0; i < count; i += 1) {
        const hotspot = hotspots.find((h) => h.crimeType === profile.crimeType);
        const place =
          hotspot && random() < hotspot.share ? (near(hotspot.lon, hotspot.lat, 80) ?? placeIn()) : placeIn();
        events.push({
          type: profile.crimeType,
          lon: place[0],
          lat: place[1],
          areaId: place[2],
          at: timeOn(day, profile),
        });
      }
    }
  }
  // Near repeats: each burglary may be followed by another close by within two weeks.
  const burglary = profiles[0] as TypeProfile;
  for (const event of events.filter((e) => e.type === 'Burglary')) {
    if (random() >= 0.35) continue;
    const place = near(event.lon, event.lat, 90);
    const days = Math.floor(-Math.log(Math.max(random(), 1e-9)) * 4) + 1;
    if (!place || days > 14) continue;
    const day = new Date(Math.floor(event.at.getTime() / 86_400_000) * 86_400_000 + days * 86_400_000);
    if (day >= end) continue;
    events.push({
      type: 'Burglary',
      lon: place[0],
      lat: place[1],
      areaId: place[2],
      at: timeOn(day, burglary),
    });
  }

  const importId = newId();
  await context.db
    .insertInto('incident_imports')
    .values({
      id: importId,
      zone_id: zone.id,
      account_id: null,
      file_name: 'generated demo incidents',
      format: 'nabij',
      status: 'done',
      rows_read: events.length,
      inserted: events.length,
      is_generated: true,
      finished_at: context.now(),
    })
    .execute();
  for (let offset = 0; offset < events.length; offset += 5000) {
    const slice = events.slice(offset, offset + 5000);
    const batch: IncidentBatch = {
      ids: slice.map(() => newId()),
      externalIds: slice.map((_, i) => `demo:${offset + i + 1}`),
      crimeTypes: slice.map((e) => e.type),
      categoryIds: slice.map((e) => categoryByName.get(e.type.toLowerCase()) ?? null),
      from: slice.map((e) => e.at),
      to: slice.map((e) => e.at),
      precisions: slice.map(() => 'exact' as const),
      lons: slice.map((e) => e.lon),
      lats: slice.map((e) => e.lat),
      xs: slice.map((e) => metric.fromWgs84(e.lon, e.lat)[0]),
      ys: slice.map((e) => metric.fromWgs84(e.lon, e.lat)[1]),
      areaIds: slice.map((e) => e.areaId),
      outcomes: slice.map(() => null),
      locations: slice.map(() => null),
    };
    await upsertIncidents(context.db, zone.id, importId, true, batch, context.now());
  }
  return events.length;
}

/** Generating takes a few seconds: the server does it in the background right after the demo zone is made. */
export const generateDemoIncidentsJob = defineJob({
  name: 'demo.generate-incidents',
  version: 1,
  schema: Type.Object({ zoneId: Type.String({ format: 'uuid' }) }),
  retryLimit: 2,
  retryDelaySeconds: 30,
  async handle(data, context) {
    const zone = await context.db
      .selectFrom('zones')
      .selectAll()
      .where('id', '=', data.zoneId)
      .executeTakeFirst();
    if (!zone) return;
    const existing = await context.db
      .selectFrom('incidents')
      .select('id')
      .where('zone_id', '=', zone.id)
      .limit(1)
      .executeTakeFirst();
    if (existing) return; // already generated (the job may run twice)
    await generateDemoIncidents(context, zone);
  },
});
