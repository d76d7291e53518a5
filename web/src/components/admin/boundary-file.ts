/**
 * A first look at a boundary file in the browser, before anything is sent:
 * GeoJSON or TopoJSON, the TopoJSON objects, and the feature property names,
 * offered as suggestions in the import form. The server reads the file again
 * and has the last word (its dry run reports every feature).
 */
export interface FileInsight {
  format: 'geojson' | 'topojson' | null;
  objectNames: string[];
  propertyNames: string[];
  featureCount: number | null;
  /** The file is not JSON at all (the dry run explains where). */
  unreadable: boolean;
}

const SAMPLE = 500;

function propertyNamesOf(items: unknown[]): string[] {
  const names = new Set<string>();
  for (const item of items.slice(0, SAMPLE)) {
    const properties = (item as { properties?: unknown } | null)?.properties;
    if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
      for (const key of Object.keys(properties)) names.add(key);
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

export function parseBoundaryFile(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function inspectBoundaryFile(data: unknown, topojsonObject = ''): FileInsight {
  const none: FileInsight = {
    format: null,
    objectNames: [],
    propertyNames: [],
    featureCount: null,
    unreadable: data === undefined,
  };
  if (!data || typeof data !== 'object') return none;
  const root = data as { type?: unknown; features?: unknown; objects?: unknown };
  if (root.type === 'Topology' && root.objects && typeof root.objects === 'object') {
    const objects = root.objects as Record<string, { geometries?: unknown }>;
    const objectNames = Object.keys(objects);
    const chosen = objects[topojsonObject] ?? objects[objectNames[0] ?? ''];
    const geometries = Array.isArray(chosen?.geometries) ? chosen.geometries : [];
    return {
      format: 'topojson',
      objectNames,
      propertyNames: propertyNamesOf(geometries),
      featureCount: geometries.length,
      unreadable: false,
    };
  }
  if (root.type === 'FeatureCollection' && Array.isArray(root.features)) {
    return {
      format: 'geojson',
      objectNames: [],
      propertyNames: propertyNamesOf(root.features),
      featureCount: root.features.length,
      unreadable: false,
    };
  }
  if (root.type === 'Feature') {
    return {
      format: 'geojson',
      objectNames: [],
      propertyNames: propertyNamesOf([root]),
      featureCount: 1,
      unreadable: false,
    };
  }
  return none;
}

export function readFileAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
