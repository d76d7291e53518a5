/**
 * Loads a zone's address list from CSV (header: street,house_number,postcode,
 * municipality,lon,lat; WGS84), replacing the previous list. Each address gets
 * its neighbourhood. Bad rows are reported by line and skipped; a file with no
 * good row changes nothing.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { newId } from '../../platform/ids.ts';
import { getAreaIndex } from '../areas/area-index-cache.ts';
import { replaceAddresses, type AddressRow } from './addresses.repository.ts';
import { normalizeAddressText } from './normalize-address.ts';

export interface AddressImportReport {
  imported: number;
  outsideAreas: number;
  refused: { line: number; reason: string }[];
}

const COLUMNS = ['street', 'house_number', 'postcode', 'municipality', 'lon', 'lat'] as const;

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((v) => v.trim());
}

export async function importAddresses(
  context: AppContext,
  zone: Zone,
  accountId: string | null,
  csv: string,
): Promise<AddressImportReport> {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const position = COLUMNS.map((c) => header.indexOf(c));
  const missing = COLUMNS.filter((_, i) => position[i] === -1);
  if (missing.length > 0)
    return {
      imported: 0,
      outsideAreas: 0,
      refused: [{ line: 1, reason: `missing columns: ${missing.join(', ')}` }],
    };
  const index = await getAreaIndex(context, zone.id);
  const rows: AddressRow[] = [];
  const refused: AddressImportReport['refused'] = [];
  let outsideAreas = 0;
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = splitCsvLine(line);
    const get = (column: (typeof COLUMNS)[number]) => cells[position[COLUMNS.indexOf(column)] ?? -1] ?? '';
    const lon = Number(get('lon'));
    const lat = Number(get('lat'));
    if (!get('street') || !get('house_number'))
      return void refused.push({ line: i + 2, reason: 'street and house number are required' });
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return void refused.push({ line: i + 2, reason: 'lon/lat missing or not WGS84' });
    }
    const areaId = index.locate(lon, lat);
    if (areaId === null) outsideAreas += 1;
    rows.push({
      id: newId(),
      street: get('street'),
      houseNumber: get('house_number'),
      postcode: get('postcode'),
      municipality: get('municipality'),
      searchText: normalizeAddressText(
        `${get('street')} ${get('house_number')} ${get('postcode')} ${get('municipality')}`,
      ),
      lon,
      lat,
      areaId,
    });
  });
  if (rows.length === 0) return { imported: 0, outsideAreas, refused };
  await context.db.transaction().execute(async (trx) => {
    await replaceAddresses(trx, zone.id, rows);
    await recordAudit(
      trx,
      { zoneId: zone.id, accountId, action: 'addresses.imported', subjectType: 'zone', subjectId: zone.id },
      context.now(),
    );
  });
  return { imported: rows.length, outsideAreas, refused };
}
