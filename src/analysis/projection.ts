/**
 * Projection of WGS84 longitude/latitude to a zone's metric projection, the step every
 * analysis here needs first: distances, bandwidths and cell sizes are in metres (DESIGN.md,
 * "Crime analysis"). Uses the platform's table of projections; refuses geographic CRSs and
 * Web Mercator (see localMetricProjection).
 */
import { localMetricProjection } from '../platform/geo/projections.ts';

/**
 * x, y in metres in `crs` (e.g. 'EPSG:31370', Belgian Lambert 72) of WGS84 lon/lat arrays.
 * NaN in, NaN out.
 */
export function projectToMetres(
  lon: Float64Array,
  lat: Float64Array,
  crs: string,
): { x: Float64Array; y: Float64Array } {
  if (lat.length !== lon.length) throw new RangeError('lon and lat differ in length');
  const projection = localMetricProjection(crs);
  const x = new Float64Array(lon.length);
  const y = new Float64Array(lon.length);
  for (let i = 0; i < lon.length; i++) {
    const longitude = lon[i] as number;
    const latitude = lat[i] as number;
    if (!(Number.isFinite(longitude) && Number.isFinite(latitude))) {
      x[i] = Number.NaN;
      y[i] = Number.NaN;
      continue;
    }
    const [px, py] = projection.fromWgs84(longitude, latitude);
    x[i] = px;
    y[i] = py;
  }
  return { x, y };
}
