/**
 * Readable tables of analysis results for the terminal (`nabij analyse`, default format).
 * The JSON format prints the result as it is; these tables show what an analyst reads first.
 */
import { translate } from '../../platform/i18n/i18n.ts';
import type { LimitNote } from '../../modules/analyses/analysis-method.ts';

type Row = (string | number)[];

/** Columns padded to their widest cell; numbers right-aligned. */
export function formatTable(header: string[], rows: Row[]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const alignRight = header.map((_, c) => rows.length > 0 && rows.every((row) => typeof row[c] === 'number'));
  return cells
    .map((row) =>
      row
        .map((cell, c) => (alignRight[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const fixed = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

interface KnoxCell {
  observed: number;
  expected: number;
  ratio: number | null;
  p: number;
  significant: boolean;
}

function nearRepeat(result: Record<string, unknown>): string {
  const labels = result['temporalLabels'] as string[];
  const table = result['table'] as { label: string; cells: KnoxCell[] }[];
  const part = (title: string, cell: (c: KnoxCell) => string) =>
    `${title}\n${formatTable(
      ['distance \\ days', ...labels],
      table.map((row) => [row.label, ...row.cells.map(cell)]),
    )}`;
  return [
    part(
      'Knox ratios (observed / expected; * p ≤ 0.05 and ratio > 1)',
      (c) => `${fixed(c.ratio)}${c.significant ? '*' : ' '}`,
    ),
    part('Observed pairs', (c) => String(c.observed)),
    part('Expected pairs (mean of the permutations)', (c) => fixed(c.expected, 1)),
    part('p-values', (c) => fixed(c.p, 3)),
    `${String(result['pairs'])} pairs, ${String(result['closePairs'])} within the largest band; ${String(result['permutations'])} permutations (seed ${String(result['seed'])}), ${String(result['distance'])} distance${result['singlePrecision'] ? ', single precision' : ''}.`,
  ].join('\n\n');
}

function kernelDensity(result: Record<string, unknown>): string {
  const peaks = result['peaks'] as {
    x: number;
    y: number;
    lon: number | null;
    lat: number | null;
    density: number;
  }[];
  return [
    `search radius ${fixed(result['radius'] as number, 1)} m (${String(result['radiusSource'])}), cell ${fixed(result['cellSize'] as number, 1)} m (${String(result['cellSizeSource'])}), density ${String(result['units'])}`,
    formatTable(
      ['peak', 'x', 'y', 'lon', 'lat', 'density'],
      peaks.map((p, k) => [
        k + 1,
        fixed(p.x, 0),
        fixed(p.y, 0),
        fixed(p.lon, 5),
        fixed(p.lat, 5),
        fixed(p.density, 2),
      ]),
    ),
  ].join('\n');
}

function getisOrd(result: Record<string, unknown>): string {
  const cells = result['cells'] as {
    x: number;
    y: number;
    count: number;
    z: number;
    p: number;
    kind: string;
  }[];
  return [
    `${String(result['features'])} cells of ${String(result['cellSize'])} m (${String(result['neighbourhood'])}); hot ${String(result['hot'])}, cold ${String(result['cold'])} at false discovery rate ${String(result['q'])} (p ≤ ${fixed(result['pThreshold'] as number, 5)})`,
    formatTable(
      ['kind', 'x', 'y', 'events', 'Gi* z', 'p'],
      cells
        .slice(0, 25)
        .map((c) => [c.kind, fixed(c.x, 0), fixed(c.y, 0), c.count, fixed(c.z, 2), c.p.toExponential(2)]),
    ),
  ].join('\n');
}

function concentration(result: Record<string, unknown>): string {
  const shares = result['topShares'] as { percent: number; places: number; eventShare: number }[];
  const top = result['top'] as Record<string, unknown>[];
  return [
    `${String(result['events'])} events at ${String(result['placesWithEvents'])} of ${String(result['places'])} places (${String(result['unit'])}); ${String(result['repeatPlaces'])} repeat places hold ${String(result['eventsAtRepeatPlaces'])} events`,
    `Gini ${fixed(result['gini'] as number, 3)}, generalised Gini (Bernasco & Steenbeek) ${fixed(result['generalizedGini'] as number, 3)}`,
    formatTable(
      ['top % of places', 'places', 'share of events'],
      shares.map((s) => [s.percent, fixed(s.places, 1), `${fixed(100 * s.eventShare, 1)} %`]),
    ),
    formatTable(
      ['place', 'events'],
      top.map((p) => [
        typeof p['name'] === 'string'
          ? p['name']
          : `${fixed(p['x'] as number, 0)}, ${fixed(p['y'] as number, 0)}`,
        p['count'] as number,
      ]),
    ),
  ].join('\n\n');
}

function hourOfWeek(result: Record<string, unknown>): string {
  const counts = result['counts'] as number[];
  const hours = Array.from({ length: 24 }, (_, h) => String(h));
  return `Events per hour of the week (${String(result['timeZone'])})\n${formatTable(
    ['', ...hours],
    WEEKDAYS.map((day, d) => [day, ...hours.map((_, h) => counts[24 * d + h] ?? 0)]),
  )}`;
}

function trend(result: Record<string, unknown>): string {
  const points = result['points'] as {
    label: string;
    count: number;
    expected: number | null;
    p: number | null;
    alert: boolean;
    partial: boolean;
    baseline: string;
  }[];
  return `${String(result['interval'])}ly counts against a seasonal baseline; ${String(result['alerts'])} alerts at α = ${String(result['alpha'])}\n${formatTable(
    [String(result['interval']), 'count', 'expected', 'p', 'baseline', ''],
    points.map((p) => [
      p.label,
      p.count,
      fixed(p.expected, 1),
      p.p === null ? '–' : p.p.toExponential(2),
      p.baseline,
      `${p.alert ? 'ALERT' : ''}${p.partial ? ' (partial)' : ''}`.trim(),
    ]),
  )}`;
}

const printers: Record<string, (result: Record<string, unknown>) => string> = {
  'near-repeat': nearRepeat,
  'kernel-density': kernelDensity,
  'getis-ord': getisOrd,
  concentration,
  'hour-of-week': hourOfWeek,
  trend,
};

export function printAnalysis(method: string, result: Record<string, unknown>, limits: LimitNote[]): string {
  const body = result['empty']
    ? 'Too few events for this analysis.'
    : (printers[method]?.(result) ?? JSON.stringify(result));
  const notes = limits.map((note) => `- ${translate('en', note.key, note.params ?? {})}`);
  return `${body}\n\nLimits:\n${notes.join('\n')}`;
}
