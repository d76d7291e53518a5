import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
  createProjection,
  crsDefinition,
  isSupportedCrs,
  localMetricProjection,
  parseCrsName,
  suggestMetricProjection,
  supportedCrs,
} from './projections.ts';

const dms = (degrees: number, minutes: number, seconds: number): number =>
  degrees + minutes / 60 + seconds / 3600;

/** The projection alone (no datum shift), from geographic coordinates on its own ellipsoid. */
function projectOnOwnDatum(code: string, ellipsoid: string, lon: number, lat: number): number[] {
  const definition = (crsDefinition(code) ?? '').replace(/\+towgs84=\S+/, '');
  return proj4(`+proj=longlat +ellps=${ellipsoid} +no_defs`, definition, [lon, lat]);
}

describe('parseCrsName', () => {
  it.each([
    ['EPSG:27700', 'EPSG:27700'],
    ['epsg:31370', 'EPSG:31370'],
    ['urn:ogc:def:crs:EPSG::27700', 'EPSG:27700'],
    ['urn:ogc:def:crs:EPSG:6.6:27700', 'EPSG:27700'],
    ['http://www.opengis.net/def/crs/EPSG/0/27700', 'EPSG:27700'],
    ['https://www.opengis.net/def/crs/EPSG/0/28992', 'EPSG:28992'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['urn:ogc:def:crs:OGC::CRS84', 'EPSG:4326'],
    ['OGC:CRS84', 'EPSG:4326'],
    ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'EPSG:4326'],
    ['urn:ogc:def:crs:EPSG::4326', 'EPSG:4326'],
  ])('%s → %s', (name, code) => {
    expect(parseCrsName(name)).toBe(code);
  });

  it.each(['', 'Lambert 72', 'urn:ogc:def:crs:EPSG::', 'EPSG:abc'])('%j → null', (name) => {
    expect(parseCrsName(name)).toBeNull();
  });
});

describe('supported CRSs', () => {
  it('lists the table and accepts WGS 84 UTM zones beyond it', () => {
    for (const code of [
      'EPSG:4326',
      'EPSG:4258',
      'EPSG:3857',
      'EPSG:27700',
      'EPSG:31370',
      'EPSG:3812',
      'EPSG:2154',
      'EPSG:28992',
      'EPSG:25831',
      'EPSG:25832',
      'EPSG:32631',
    ]) {
      expect(supportedCrs()).toContain(code);
      expect(isSupportedCrs(code)).toBe(true);
    }
    expect(isSupportedCrs('EPSG:32633')).toBe(true);
    expect(isSupportedCrs('EPSG:32756')).toBe(true);
    expect(isSupportedCrs('EPSG:32661')).toBe(false);
    expect(isSupportedCrs('EPSG:9999')).toBe(false);
    expect(() => createProjection('EPSG:9999')).toThrow(/Unsupported/);
  });

  it('EPSG:4326 is the identity', () => {
    const wgs84 = createProjection('EPSG:4326');
    expect(wgs84.toWgs84(3.1, 51.2)).toEqual([3.1, 51.2]);
    expect(wgs84.fromWgs84(3.1, 51.2)).toEqual([3.1, 51.2]);
  });

  it('refuses degrees and Web Mercator as a metric projection', () => {
    expect(() => localMetricProjection('EPSG:4326')).toThrow();
    expect(() => localMetricProjection('EPSG:3857')).toThrow();
    expect(localMetricProjection('EPSG:31370').code).toBe('EPSG:31370');
  });
});

describe('projection parameters against published worked examples (datum shift left out)', () => {
  it('British National Grid: EPSG Guidance Note 7-2, 50°30′N 0°30′E → 577274.99, 69740.50', () => {
    const [x, y] = projectOnOwnDatum('EPSG:27700', 'airy', 0.5, 50.5);
    expect(Math.abs((x as number) - 577274.99)).toBeLessThan(0.02);
    expect(Math.abs((y as number) - 69740.5)).toBeLessThan(0.02);
  });

  it('Belgian Lambert 72: NGI test point 50°40′46.461″N 5°48′26.533″E → 251763.204, 153034.174', () => {
    const [x, y] = projectOnOwnDatum('EPSG:31370', 'intl', dms(5, 48, 26.533), dms(50, 40, 46.461));
    expect(Math.abs((x as number) - 251763.204)).toBeLessThan(0.01);
    expect(Math.abs((y as number) - 153034.174)).toBeLessThan(0.01);
  });

  it('RD New: EPSG Guidance Note 7-2, 53°N 6°E (Amersfoort) → 196105.283, 557057.739', () => {
    const [x, y] = projectOnOwnDatum('EPSG:28992', 'bessel', 6, 53);
    expect(Math.abs((x as number) - 196105.283)).toBeLessThan(0.01);
    expect(Math.abs((y as number) - 557057.739)).toBeLessThan(0.01);
  });

  it('natural origins map to the false easting and northing', () => {
    const near = (actual: number[], expected: number[]): void => {
      expect(Math.abs((actual[0] as number) - (expected[0] as number))).toBeLessThan(0.001);
      expect(Math.abs((actual[1] as number) - (expected[1] as number))).toBeLessThan(0.001);
    };
    near(createProjection('EPSG:2154').fromWgs84(3, 46.5), [700000, 6600000]);
    near(createProjection('EPSG:3812').fromWgs84(4.359215833333333, 50.797815), [649328, 665262]);
    near(createProjection('EPSG:32631').fromWgs84(3, 0), [500000, 0]);
    near(createProjection('EPSG:25832').fromWgs84(9, 0), [500000, 0]);
    near(createProjection('EPSG:3857').fromWgs84(0, 0), [0, 0]);
  });
});

describe('control points with the datum shift', () => {
  it('Manchester Town Hall (53.4794 N, 2.2446 W) is in the National Grid square SJ 838 981', () => {
    const [x, y] = createProjection('EPSG:27700').fromWgs84(-2.2446, 53.4794);
    // SJ 838 981 = easting 383800–383900, northing 398100–398200; allow the 1-in-10⁴ reference.
    expect(x).toBeGreaterThan(383700);
    expect(x).toBeLessThan(384000);
    expect(y).toBeGreaterThan(398000);
    expect(y).toBeLessThan(398300);
  });

  it('Ghent (Belfry, 51.0536 N, 3.7249 E) lies where Lambert 72 puts Ghent, and Lambert 2008 ≈ Lambert 72 + 500 km', () => {
    const [x72, y72] = createProjection('EPSG:31370').fromWgs84(3.7249, 51.0536);
    expect(x72).toBeGreaterThan(100000);
    expect(x72).toBeLessThan(110000);
    expect(y72).toBeGreaterThan(190000);
    expect(y72).toBeLessThan(198000);
    const [x08, y08] = createProjection('EPSG:3812').fromWgs84(3.7249, 51.0536);
    // The two grids were designed about 500 km apart; they differ by metres, not more.
    expect(Math.abs(x08 - x72 - 500000)).toBeLessThan(10);
    expect(Math.abs(y08 - y72 - 500000)).toBeLessThan(10);
  });

  it.each([
    ['EPSG:31370', 3.7249, 51.0536],
    ['EPSG:3812', 3.7249, 51.0536],
    ['EPSG:27700', -2.2446, 53.4794],
    ['EPSG:28992', 4.8952, 52.3702],
    ['EPSG:2154', 2.3522, 48.8566],
    ['EPSG:3857', 3.7249, 51.0536],
    ['EPSG:25831', 3.7249, 51.0536],
    ['EPSG:25832', 9.9937, 53.5511],
    ['EPSG:32631', 3.7249, 51.0536],
    ['EPSG:4258', 3.7249, 51.0536],
    ['EPSG:32633', 13.405, 52.52],
  ])('%s round-trips %f, %f within a centimetre', (code, lon, lat) => {
    const projection = createProjection(code);
    const [x, y] = projection.fromWgs84(lon, lat);
    const [lon2, lat2] = projection.toWgs84(x, y);
    const metresPerDegree = 111_320;
    expect(Math.abs(lon2 - lon) * metresPerDegree * Math.cos((lat * Math.PI) / 180)).toBeLessThan(0.01);
    expect(Math.abs(lat2 - lat) * metresPerDegree).toBeLessThan(0.01);
    const [x2, y2] = projection.fromWgs84(lon2, lat2);
    expect(Math.hypot(x2 - x, y2 - y)).toBeLessThan(0.01);
  });
});

describe('suggestMetricProjection', () => {
  it.each([
    ['Ghent', 3.72, 51.05, 'EPSG:31370'],
    ['Liège', 5.57, 50.63, 'EPSG:31370'],
    ['Manchester', -2.24, 53.48, 'EPSG:27700'],
    ['Edinburgh', -3.19, 55.95, 'EPSG:27700'],
    ['Amsterdam', 4.9, 52.37, 'EPSG:28992'],
    ['Paris', 2.35, 48.85, 'EPSG:2154'],
    ['Dublin', -6.26, 53.35, 'EPSG:32629'],
    ['Frankfurt', 8.68, 50.11, 'EPSG:25832'],
    ['Barcelona', 2.17, 41.39, 'EPSG:25831'],
    ['Bastia', 9.45, 42.7, 'EPSG:2154'],
    ['Saarbrücken', 7.0, 49.23, 'EPSG:25832'],
    ['Sydney', 151.2, -33.87, 'EPSG:32756'],
  ])('%s → %s', (_name, lon, lat, code) => {
    expect(suggestMetricProjection(lon, lat)).toBe(code);
    expect(isSupportedCrs(suggestMetricProjection(lon, lat))).toBe(true);
  });
});
