/**
 * Concentration (src/analysis/concentration.ts): how unevenly events fall over places — exact
 * locations (coordinates snapped to a tolerance) or the study's areas — with repeat locations,
 * the share at the top x % of places, the Lorenz curve and the (generalised) Gini.
 */
import { Type } from 'typebox';
import { concentration, placeIdsFromCoordinates } from '../../../analysis/concentration.ts';
import { createProjection } from '../../../platform/geo/projections.ts';
import { literals } from '../../../platform/http/literals.ts';
import type { ConcentrationPlace, ConcentrationResult } from '../method-results.ts';
import { defineMethod } from '../analysis-method.ts';

/** The curve is drawn, not recomputed: at most this many vertices are kept. */
const MAX_CURVE_POINTS = 201;

export function thinCurve(xs: Float64Array, ys: Float64Array): [number, number][] {
  const n = xs.length;
  const step = Math.max(1, Math.ceil((n - 1) / (MAX_CURVE_POINTS - 1)));
  const points: [number, number][] = [];
  for (let k = 0; k < n; k += step) points.push([xs[k] ?? 0, ys[k] ?? 0]);
  if ((n - 1) % step !== 0) points.push([xs[n - 1] ?? 1, ys[n - 1] ?? 1]);
  return points;
}

export const concentrationMethod = defineMethod({
  method: 'concentration',
  timeNeed: 'any',
  parameters: Type.Object(
    {
      unit: literals(['location', 'area'] as const, {
        default: 'location',
        description: 'Places: exact locations, or the neighbourhoods',
      }),
      tolerance: Type.Number({
        minimum: 0.1,
        maximum: 100,
        default: 1,
        description: 'Locations closer than this (metres, on a grid) are one place',
      }),
      placeCount: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Places at risk (N), e.g. addresses' }),
      ),
    },
    { additionalProperties: false },
  ),
  run(events, parameters, setting) {
    const used = events.x.length;
    if (used < 1) return { result: { empty: true }, limits: [], used };
    const byArea = parameters.unit === 'area';
    let placeIds: Int32Array;
    let describe: (id: number) => Omit<ConcentrationPlace, 'count'>;
    let placeCount = parameters.placeCount;
    if (byArea) {
      const index = new Map(setting.areas.map((area, k) => [area.id, k]));
      placeIds = Int32Array.from(events.areaIds, (id) => (id === null ? -1 : (index.get(id) ?? -1)));
      placeCount ??= setting.areas.length;
      describe = (id) => ({ areaId: setting.areas[id]?.id ?? null, name: setting.areas[id]?.name ?? null });
    } else {
      const places = placeIdsFromCoordinates(events.x, events.y, parameters.tolerance);
      placeIds = places.placeIds;
      const projection = setting.projection ? createProjection(setting.projection) : null;
      describe = (id) => {
        const x = places.placeX[id] ?? 0;
        const y = places.placeY[id] ?? 0;
        const lonLat = projection?.toWgs84(x, y);
        return { x, y, lon: lonLat?.[0] ?? null, lat: lonLat?.[1] ?? null };
      };
    }
    const distinct = new Set(placeIds).size;
    if (placeCount !== undefined && placeCount < distinct)
      throw new RangeError(`placeCount ${placeCount} is below the ${distinct} places that have events`);
    const found = concentration(placeIds, placeCount !== undefined ? { placeCount } : {});
    const top = Array.from(found.placeIds.subarray(0, 10), (id, k) => ({
      ...describe(id),
      count: found.counts[k] ?? 0,
    }));
    const limits = [];
    if (!byArea && parameters.placeCount === undefined)
      limits.push({ key: 'analysis.limit.places_with_events_only' });
    return {
      result: {
        unit: parameters.unit,
        tolerance: byArea ? null : parameters.tolerance,
        events: found.events,
        places: found.places,
        placesWithEvents: found.placesWithEvents,
        repeatPlaces: found.repeatPlaces,
        eventsAtRepeatPlaces: found.eventsAtRepeatPlaces,
        topShares: found.topShares,
        gini: found.gini,
        generalizedGini: found.generalizedGini,
        lorenz: thinCurve(found.lorenz.placeShare, found.lorenz.eventShare),
        top,
      } satisfies ConcentrationResult,
      limits,
      used,
    };
  },
});
