/**
 * Photos of a signal: whatever the phone put in the file (GPS position,
 * camera, owner, XMP, colour profile) is gone from what is kept; the image
 * is an upright JPEG of at most 2,048 px; only staff who may see the signal
 * can fetch it.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';

let t: TestApp;
let officer: Agent;
let outsider: Agent;
let elsewhere: Agent;
const zone = 'gent';
const korenmarkt = { lon: 3.7215, lat: 51.0546 };
const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Jan Peeters"/></rdf:RDF></x:xmpmeta>';

/** Does the EXIF block (as sharp returns it) point to a GPS directory (tag 0x8825 in IFD0)? */
function hasGpsDirectory(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  for (let i = 0; i < u16(ifd0); i += 1) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

async function submit(
  photos: Buffer[],
): Promise<{ id: string; photos: { id: string; width: number; height: number }[] }> {
  const response = await t.anonymous().post(`/api/zones/${zone}/signals`, {
    category: 'dumping',
    description: 'Matras en zakken afval op het voetpad',
    location: korenmarkt,
    photos: photos.map((p) => ({ data: p.toString('base64') })),
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().id as string;
  const detail = await officer.get(`/api/zones/${zone}/staff/signals/${id}`);
  return { id, photos: detail.json().photos };
}

async function fetchPhoto(agent: Agent, signalId: string, photoId: string) {
  return agent.get(`/api/zones/${zone}/staff/signals/${signalId}/photos/${photoId}`);
}

beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '10000' } });
  await ensureDemoZone(t.context);
  const zoneId = (
    await t.context.db.selectFrom('zones').select('id').where('slug', '=', zone).executeTakeFirstOrThrow()
  ).id;
  const areas = await t.context.db
    .selectFrom('areas')
    .select(['id', 'name'])
    .where('zone_id', '=', zoneId)
    .execute();
  const other = areas.find((a) => a.name.nl === 'Stationsbuurt Noord');
  if (!other) throw new Error('no Stationsbuurt Noord');
  const otherZone = await t.createZone();
  officer = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'officer' }] }));
  outsider = await t.login(await t.createAccount({ grants: [{ zoneId: otherZone.id, role: 'officer' }] }));
  elsewhere = await t.login(
    await t.createAccount({ grants: [{ zoneId, role: 'officer', areaIds: [other.id] }] }),
  );
});
afterAll(async () => t.close());

describe('what is kept of a photo', () => {
  it('drops EXIF with the GPS position, XMP and the colour profile, and re-encodes as JPEG', async () => {
    const original = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } })
      .withExif({
        IFD0: { Copyright: 'Jan Peeters', Make: 'CamCo', Model: 'X1' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '51/1 3/1 1640/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '3/1 43/1 1740/100',
        },
      })
      .withXmp(XMP)
      .withIccProfile('p3')
      .jpeg({ quality: 95 })
      .toBuffer();
    const input = await sharp(original).metadata();
    expect(input.exif && hasGpsDirectory(input.exif)).toBe(true);
    expect(input.exif?.toString('latin1')).toContain('Jan Peeters');
    expect(input.xmp).toBeDefined();
    expect(input.icc).toBeDefined();

    const signal = await submit([original]);
    const [photo] = signal.photos;
    if (!photo) throw new Error('no photo');
    const response = await fetchPhoto(officer, signal.id, photo.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    const kept = response.rawPayload;
    expect(kept.equals(original)).toBe(false);
    const metadata = await sharp(kept).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.iptc).toBeUndefined();
    for (const trace of ['Jan Peeters', 'CamCo', 'Exif', 'xmpmeta']) {
      expect(kept.toString('latin1')).not.toContain(trace);
    }
    expect([metadata.width, metadata.height]).toEqual([64, 48]);
  });

  it('scales a large photo to at most 2,048 px on its longest side', async () => {
    const large = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#246' } })
      .jpeg()
      .toBuffer();
    const signal = await submit([large]);
    const [photo] = signal.photos;
    if (!photo) throw new Error('no photo');
    const kept = await sharp((await fetchPhoto(officer, signal.id, photo.id)).rawPayload).metadata();
    expect(Math.max(kept.width ?? 0, kept.height ?? 0)).toBe(2048);
    expect((kept.width ?? 0) / (kept.height ?? 1)).toBeCloseTo(2, 2);
    expect([photo.width, photo.height]).toEqual([kept.width, kept.height]);
  });

  it('turns a photo upright from its EXIF orientation before dropping the EXIF', async () => {
    const sideways = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#642' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const signal = await submit([sideways]);
    const [photo] = signal.photos;
    if (!photo) throw new Error('no photo');
    const kept = await sharp((await fetchPhoto(officer, signal.id, photo.id)).rawPayload).metadata();
    expect([kept.width, kept.height]).toEqual([48, 64]);
    expect(kept.orientation).toBeUndefined();
  });

  it('accepts PNG and WebP and keeps them as JPEG', async () => {
    const base = sharp({ create: { width: 50, height: 40, channels: 4, background: '#12345680' } });
    const png = await base.clone().png().toBuffer();
    const webp = await base.clone().webp().toBuffer();
    const signal = await submit([png, webp]);
    expect(signal.photos).toHaveLength(2);
    for (const photo of signal.photos) {
      const response = await fetchPhoto(officer, signal.id, photo.id);
      expect(response.headers['content-type']).toBe('image/jpeg');
      const kept = await sharp(response.rawPayload).metadata();
      expect([kept.format, kept.width, kept.height]).toEqual(['jpeg', 50, 40]);
    }
  });
});

describe('who may see a photo', () => {
  let signal = { id: '', photoId: '' };
  let otherSignal = '';

  beforeAll(async () => {
    const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#333' } })
      .jpeg()
      .toBuffer();
    const submitted = await submit([jpeg]);
    signal = { id: submitted.id, photoId: submitted.photos[0]?.id ?? '' };
    otherSignal = (await submit([jpeg])).id;
  });

  it('staff of the zone can fetch it', async () => {
    const response = await fetchPhoto(officer, signal.id, signal.photoId);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('private');
  });

  it('nobody else can: not anonymously, not from another zone, not outside their neighbourhoods', async () => {
    expect((await fetchPhoto(t.anonymous(), signal.id, signal.photoId)).statusCode).toBe(401);
    expect((await fetchPhoto(outsider, signal.id, signal.photoId)).statusCode).toBe(403);
    const limited = await fetchPhoto(elsewhere, signal.id, signal.photoId);
    expect(limited.statusCode).toBe(404);
    expect(limited.rawPayload.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(false);
  });

  it('a photo is reachable only through its own signal', async () => {
    const response = await fetchPhoto(officer, otherSignal, signal.photoId);
    expect(response.statusCode).toBe(404);
  });
});
