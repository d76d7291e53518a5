/**
 * Imports areas from a GeoJSON or TopoJSON file (WGS84 or a projected CRS the
 * file names, such as EPSG:27700). Every feature gets a line in the report:
 * imported, repaired (with what was repaired) or refused (with why). Usable
 * features are written in one transaction; an area with the same code is
 * updated in place, so re-importing a corrected file is safe. A dry run
 * returns the report and writes nothing.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { AreaKind, Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { boundingBox, areaM2InCrs } from '../../platform/geo/measure.ts';
import { createProjection } from '../../platform/geo/projections.ts';
import { BoundaryFileError, readBoundaryFile } from '../../platform/geo/read-boundary-file.ts';
import {
  normalizeFeatureGeometry,
  toGeoJsonMultiPolygon,
  type RefusalReason,
  type RepairWarning,
} from '../../platform/geo/repair-polygon.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { findAreaByCode, insertAreaImport, upsertArea } from './areas.repository.ts';
import { forgetAreaIndex } from './area-index-cache.ts';
import { readFeatureProperties, type PropertyChoices } from './read-feature-properties.ts';

/** The same bound as an administrator's edit: no area holds more people than this. */
const MAX_INHABITANTS = 50_000_000;

export interface ImportAreasInput extends PropertyChoices {
  fileName: string;
  content: string;
  kind: AreaKind;
  /** Code of the district the imported areas belong to. */
  parentCode?: string | undefined;
  /** TopoJSON: which object to read (default: the first). */
  topojsonObject?: string | undefined;
  /** Import only features whose property equals one of the values (e.g. nis = 44021). */
  where?: { property: string; values: string[] } | undefined;
  /** The language of single-language names in the file (default: the zone's). */
  nameLanguage?: Language | undefined;
  dryRun?: boolean | undefined;
  isDemo?: boolean | undefined;
}

export type FeatureStatus = 'imported' | 'repaired' | 'refused' | 'skipped';

export interface FeatureReport {
  index: number;
  name: string | null;
  code: string | null;
  status: FeatureStatus;
  /** imported/repaired: whether an existing area with this code was updated. */
  updated?: boolean;
  warnings: RepairWarning[];
  reason?: RefusalReason | 'missing_name' | 'duplicate_code' | 'invalid_population';
  detail?: string;
  areaId?: string;
}

export interface ImportReport {
  importId: string | null;
  fileName: string;
  format: 'geojson' | 'topojson';
  sourceCrs: string;
  objectNames: string[];
  dryRun: boolean;
  imported: number;
  repaired: number;
  refused: number;
  skipped: number;
  features: FeatureReport[];
}

export async function importAreas(
  context: AppContext,
  zone: Zone,
  accountId: string | null,
  input: ImportAreasInput,
  db: Kysely<Database> = context.db,
): Promise<ImportReport> {
  let file;
  try {
    file = readBoundaryFile(
      input.content,
      input.topojsonObject ? { topojsonObject: input.topojsonObject } : {},
    );
  } catch (error) {
    if (!(error instanceof BoundaryFileError)) throw error;
    if (error.code === 'unknown_crs') {
      throw new AppError('area_import_unknown_crs', {
        crs: error.params.crs ?? '?',
        supported: (error.params.supported ?? []).join(', '),
      });
    }
    if (error.code === 'empty') throw new AppError('area_import_empty');
    const reason = error.params.object
      ? `no object "${error.params.object}" (available: ${(error.params.available ?? []).join(', ')})`
      : (error.params.reason ?? 'unknown format');
    throw new AppError('area_import_unreadable', { reason });
  }
  const toWgs84 = file.crs === 'EPSG:4326' ? undefined : createProjection(file.crs).toWgs84;
  const fileLanguage = input.nameLanguage ?? zone.default_language;

  const features: FeatureReport[] = [];
  const usable: { report: FeatureReport; write: Parameters<typeof upsertArea>[1] }[] = [];
  const seenCodes = new Set<string>();
  for (const raw of file.features) {
    if (input.where) {
      const value = raw.properties[input.where.property];
      if (!input.where.values.includes(String(value))) continue;
    }
    const facts = readFeatureProperties(raw.properties, (raw as { id?: unknown }).id, input, fileLanguage);
    const base = { index: raw.index, name: facts.label, code: facts.code };
    if (!facts.label || !facts.code) {
      features.push({
        ...base,
        status: 'refused',
        warnings: [],
        reason: 'missing_name',
        detail: 'no name property found',
      });
      continue;
    }
    if (seenCodes.has(facts.code)) {
      features.push({
        ...base,
        status: 'refused',
        warnings: [],
        reason: 'duplicate_code',
        detail: `code ${facts.code} appears twice`,
      });
      continue;
    }
    const implausible = [facts.population, facts.households].find((n) => n !== null && n > MAX_INHABITANTS);
    if (implausible !== undefined) {
      features.push({
        ...base,
        status: 'refused',
        warnings: [],
        reason: 'invalid_population',
        detail: `${implausible} is more than ${MAX_INHABITANTS}`,
      });
      continue;
    }
    const outcome = normalizeFeatureGeometry(raw.geometry, toWgs84);
    if (!outcome.ok) {
      features.push({
        ...base,
        status: 'refused',
        warnings: [],
        reason: outcome.reason,
        ...(outcome.detail ? { detail: outcome.detail } : {}),
      });
      continue;
    }
    seenCodes.add(facts.code);
    const report: FeatureReport = {
      ...base,
      status: outcome.warnings.length > 0 ? 'repaired' : 'imported',
      warnings: outcome.warnings,
    };
    features.push(report);
    usable.push({
      report,
      write: {
        id: newId(),
        zoneId: zone.id,
        parentId: null,
        kind: input.kind,
        code: facts.code,
        name: facts.name,
        boundary: toGeoJsonMultiPolygon(outcome.multipolygon),
        bbox: boundingBox(outcome.multipolygon),
        areaM2: areaM2InCrs(outcome.multipolygon, zone.projection),
        population: facts.population,
        households: facts.households,
        isDemo: input.isDemo ?? false,
      },
    });
  }
  if (file.features.length > 0 && features.length === 0) {
    throw new AppError('area_import_empty');
  }
  const count = (status: FeatureStatus) => features.filter((f) => f.status === status).length;
  const report: ImportReport = {
    importId: null,
    fileName: input.fileName,
    format: file.format,
    sourceCrs: file.crs,
    objectNames: file.objectNames ?? [],
    dryRun: input.dryRun ?? false,
    imported: count('imported'),
    repaired: count('repaired'),
    refused: count('refused'),
    skipped: file.features.length - features.length,
    features,
  };
  if (usable.length === 0) {
    throw new AppError(
      'area_import_nothing_usable',
      {},
      features.slice(0, 50).map((f) => ({
        path: `features/${f.index}`,
        code: f.reason ?? 'refused',
        message: `${f.name ?? '#' + f.index}: ${f.reason ?? ''}${f.detail ? ` (${f.detail})` : ''}`,
      })),
    );
  }
  // Checked before a dry run returns, so a dry run refuses what the import would refuse.
  const parentId = await resolveParent(db, zone.id, input.parentCode);
  if (input.dryRun) return report;

  const write = async (trx: Kysely<Database>) => {
    const now = context.now();
    for (const item of usable) {
      const result = await upsertArea(trx, { ...item.write, parentId }, now);
      item.report.areaId = result.id;
      item.report.updated = !result.created;
    }
    const importId = newId();
    report.importId = importId;
    await insertAreaImport(
      trx,
      {
        id: importId,
        zoneId: zone.id,
        accountId,
        fileName: input.fileName,
        format: file.format,
        sourceCrs: file.crs,
        imported: report.imported,
        repaired: report.repaired,
        refused: report.refused,
        report: { features: report.features, objectNames: report.objectNames, skipped: report.skipped },
      },
      now,
    );
    await recordAudit(
      trx,
      {
        zoneId: zone.id,
        accountId,
        action: 'area.imported',
        subjectType: 'area_import',
        subjectId: importId,
      },
      now,
    );
  };
  if (db.isTransaction) {
    // The caller commits; it must call forgetAreaIndex after that (a lookup in between
    // would otherwise cache the old boundaries).
    await write(db);
  } else {
    await db.transaction().execute(write);
    // Another process's cache notices through the areas' fingerprint; this one forgets at once.
    forgetAreaIndex(zone.id);
  }
  return report;
}

async function resolveParent(db: Kysely<Database>, zoneId: string, parentCode: string | undefined) {
  if (!parentCode) return null;
  const parent = await findAreaByCode(db, zoneId, parentCode);
  if (!parent || parent.kind !== 'district') throw new AppError('area_parent_invalid');
  return parent.id;
}
