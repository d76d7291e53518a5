/**
 * Coordinate reference systems Nabij understands, and conversions to and from WGS84.
 *
 * Why: boundaries are stored in WGS84 (longitude, latitude; RFC 7946), but files arrive in
 * national grids (British National Grid, Belgian Lambert 72, Dutch RD…), and every distance
 * or area is computed in metres in a zone's local metric projection (DESIGN.md, "Crime
 * analysis"). This file is the one table of supported CRSs and their proj4 definitions.
 *
 * Datum shifts use the 7-parameter (Helmert) +towgs84 values published with the EPSG
 * definitions: accurate to about 1 m in Belgium and the Netherlands and to a few metres in
 * Great Britain (Ordnance Survey's OSTN15 grid is more exact but is a large data file).
 * ETRS89 (EPSG:4258 and the 258xx UTM zones) is treated as identical to WGS84 (< 1 m in
 * Europe), which is standard practice at the scale of neighbourhood boundaries.
 *
 * Axis order: every CRS here is used as (x = easting / longitude, y = northing / latitude),
 * as GeoJSON writers (GDAL, QGIS) do even for urn:ogc:def:crs:EPSG::4326.
 */
import proj4 from 'proj4';
import type { Position } from './types.ts';

const WGS84_DEFINITION = '+proj=longlat +datum=WGS84 +no_defs';

/** Code → { proj4 definition, human name }. */
const CRS_TABLE: Readonly<Record<string, { definition: string; name: string }>> = {
  'EPSG:4326': { definition: WGS84_DEFINITION, name: 'WGS 84 (longitude, latitude)' },
  'EPSG:4258': {
    definition: '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs',
    name: 'ETRS89 (longitude, latitude)',
  },
  'EPSG:3857': {
    definition:
      '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
    name: 'WGS 84 / Pseudo-Mercator (web maps)',
  },
  'EPSG:27700': {
    definition:
      '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
      '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
    name: 'OSGB36 / British National Grid',
  },
  'EPSG:31370': {
    definition:
      '+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 ' +
      '+x_0=150000.013 +y_0=5400088.438 +ellps=intl ' +
      '+towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs',
    name: 'BD72 / Belgian Lambert 72',
  },
  'EPSG:3812': {
    definition:
      '+proj=lcc +lat_0=50.797815 +lon_0=4.35921583333333 +lat_1=49.8333333333333 +lat_2=51.1666666666667 ' +
      '+x_0=649328 +y_0=665262 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    name: 'ETRS89 / Belgian Lambert 2008',
  },
  'EPSG:2154': {
    definition:
      '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 ' +
      '+towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    name: 'RGF93 / Lambert-93 (France)',
  },
  'EPSG:28992': {
    definition:
      '+proj=sterea +lat_0=52.1561605555556 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
      '+ellps=bessel +towgs84=565.4171,50.3319,465.5524,1.9342,-1.6677,9.1019,4.0725 +units=m +no_defs',
    name: 'Amersfoort / RD New (Netherlands)',
  },
  'EPSG:25831': {
    definition: '+proj=utm +zone=31 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    name: 'ETRS89 / UTM zone 31N',
  },
  'EPSG:25832': {
    definition: '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    name: 'ETRS89 / UTM zone 32N',
  },
  'EPSG:32631': {
    definition: '+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs',
    name: 'WGS 84 / UTM zone 31N',
  },
};

/** A conversion between one CRS and WGS84 longitude/latitude. */
export type Projection = {
  readonly code: string;
  /** Projected (or geographic) x, y in this CRS → [longitude, latitude] WGS84. */
  toWgs84(x: number, y: number): Position;
  /** WGS84 longitude, latitude → [x, y] in this CRS. */
  fromWgs84(lon: number, lat: number): Position;
};

/**
 * Normalises the ways files name a CRS to 'EPSG:<code>'. Accepts 'EPSG:27700',
 * 'urn:ogc:def:crs:EPSG::27700', 'urn:ogc:def:crs:EPSG:6.6:27700',
 * 'http(s)://www.opengis.net/def/crs/EPSG/0/27700', and the CRS84 forms
 * ('urn:ogc:def:crs:OGC:1.3:CRS84', 'OGC:CRS84', …) which become 'EPSG:4326'.
 * Returns null when the text names no EPSG code (it does not check support: see isSupportedCrs).
 */
export function parseCrsName(name: string): string | null {
  const text = name.trim();
  if (
    /^(?:urn:(?:x-)?ogc:def:crs:OGC:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/[\d.]+\/|OGC:)?CRS:?84$/i.test(
      text,
    )
  ) {
    return 'EPSG:4326';
  }
  const patterns = [
    /^EPSG:{1,2}(\d{4,6})$/i,
    /^urn:(?:x-)?ogc:def:crs:EPSG:[\d.]*:(\d{4,6})$/i,
    /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/(\d{4,6})$/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match?.[1] !== undefined) return `EPSG:${Number(match[1])}`;
  }
  return null;
}

/** The CRS codes of the table, for error messages and settings screens. */
export function supportedCrs(): string[] {
  return Object.keys(CRS_TABLE);
}

/** The proj4 definition of a supported code (table entries and WGS84 UTM zones), else null. */
export function crsDefinition(code: string): string | null {
  const entry = CRS_TABLE[code];
  if (entry) return entry.definition;
  const utmMatch = /^EPSG:(326|327)(\d{2})$/.exec(code);
  if (utmMatch?.[1] !== undefined && utmMatch[2] !== undefined) {
    const zone = Number(utmMatch[2]);
    if (zone < 1 || zone > 60) return null;
    const south = utmMatch[1] === '327' ? ' +south' : '';
    return `+proj=utm +zone=${zone}${south} +datum=WGS84 +units=m +no_defs`;
  }
  return null;
}

/**
 * True for the codes of the table and, beyond it, every WGS 84 / UTM zone
 * (EPSG:32601–32660 north, EPSG:32701–32760 south), so that a zone anywhere can get a
 * metric projection.
 */
export function isSupportedCrs(code: string): boolean {
  return crsDefinition(code) !== null;
}

const projectionCache = new Map<string, Projection>();

/** The conversion for a supported code; throws for an unsupported one (check isSupportedCrs). */
export function createProjection(code: string): Projection {
  const cached = projectionCache.get(code);
  if (cached) return cached;
  const definition = crsDefinition(code);
  if (definition === null) throw new Error(`Unsupported coordinate reference system: ${code}`);
  let projection: Projection;
  if (code === 'EPSG:4326') {
    projection = { code, toWgs84: (x, y) => [x, y], fromWgs84: (lon, lat) => [lon, lat] };
  } else {
    const converter = proj4(WGS84_DEFINITION, definition);
    projection = {
      code,
      toWgs84: (x, y) => {
        const [lon, lat] = converter.inverse([x, y]);
        return [lon ?? Number.NaN, lat ?? Number.NaN];
      },
      fromWgs84: (lon, lat) => {
        const [x, y] = converter.forward([lon, lat]);
        return [x ?? Number.NaN, y ?? Number.NaN];
      },
    };
  }
  projectionCache.set(code, projection);
  return projection;
}

/**
 * The metric projection a zone stores (e.g. 'EPSG:31370'), for distances and areas in metres.
 * Refuses geographic CRSs (degrees are not metres) and Web Mercator (its scale error is
 * about 1/cos(latitude): +60 % in Belgium).
 */
export function localMetricProjection(code: string): Projection {
  if (code === 'EPSG:4326' || code === 'EPSG:4258' || code === 'EPSG:3857') {
    throw new Error(`${code} is not a metric projection suitable for distances and areas`);
  }
  return createProjection(code);
}

/**
 * A sensible local metric projection for a place, from rough national boxes (a suggestion
 * the zone administrator can change): Belgium → Lambert 72, Great Britain → British National
 * Grid, the Netherlands → RD New, France → Lambert-93; elsewhere the UTM zone of the point
 * (ETRS89 zones 31 and 32 in Europe, WGS 84 UTM zones everywhere else).
 */
export function suggestMetricProjection(lon: number, lat: number): string {
  const inBox = (minLon: number, minLat: number, maxLon: number, maxLat: number): boolean =>
    lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
  // The Netherlands north of Belgium, and Dutch Limburg east of the Meuse (rough).
  if (inBox(3.3, 51.5, 7.3, 53.7) || inBox(5.75, 50.75, 6.25, 51.5)) return 'EPSG:28992';
  if (inBox(2.5, 49.45, 6.45, 51.52)) return 'EPSG:31370';
  // Great Britain, without the island of Ireland (west of 5.8° W and south of 55.4° N).
  if (inBox(-8.7, 49.8, 1.8, 60.9) && !(lon < -5.8 && lat < 55.4)) return 'EPSG:27700';
  // Mainland France without its neighbours' corners (Saarland, Luxembourg, Switzerland, Basque
  // Spain), and Corsica.
  const mainlandFrance =
    inBox(-5.2, 42.3, 8.25, 51.1) &&
    !(lon > 6.5 && lat > 49.1) &&
    !(lon > 5.8 && lat > 49.45) &&
    !(lon > 6.9 && lat < 47.6) &&
    !(lon < -1.8 && lat < 43.4);
  if (mainlandFrance || inBox(8.5, 41.3, 9.6, 43.1)) return 'EPSG:2154';
  const zone = Math.min(60, Math.max(1, Math.floor((lon + 180) / 6) + 1));
  if (lat >= 34 && lat <= 72 && (zone === 31 || zone === 32)) return `EPSG:258${zone}`;
  return `EPSG:${lat >= 0 ? 326 : 327}${String(zone).padStart(2, '0')}`;
}
