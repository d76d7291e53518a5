/**
 * Readable tables of analysis results for the terminal (`nabij analyse`, default format).
 * The JSON format prints the result as it is; these tables show what an analyst reads first.
 */
import { translate } from '../../platform/i18n/i18n.ts';
import type { AnalysisMethod } from '../../modules/analyses/analyses.schema.ts';
import type { LimitNote } from '../../modules/analyses/analysis-method.ts';
import type {
  ConcentrationResult,
  DensityResult,
  GiResult,
  HourOfWeekResult,
  KnoxCell,
  KnoxResult,
  TrendResult,
} from '../../modules/analyses/method-results.ts';

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

function nearRepeat(result: KnoxResult): string {
  const part = (title: string, cell: (c: KnoxCell) => string) =>
    `${title}\n${formatTable(
      ['distance \\ days', ...result.temporalLabels],
      result.table.map((row) => [row.label, ...row.cells.map(cell)]),
    )}`;
  return [
    part(
      'Knox ratios (observed / expected; * p ≤ 0.05 and ratio > 1)',
      (c) => `${fixed(c.ratio)}${c.significant ? '*' : ' '}`,
    ),
    part('Observed pairs', (c) => String(c.observed)),
    part('Expected pairs (mean of the permutations)', (c) => fixed(c.expected, 1)),
    part('p-values', (c) => fixed(c.p, 3)),
    `${result.pairs} pairs, ${result.closePairs} within the largest band; ${result.permutations} permutations (seed ${result.seed}), ${result.distance} distance${result.singlePrecision ? ', single precision' : ''}.`,
  ].join('\n\n');
}

function kernelDensity(result: DensityResult): string {
  return [
    `search radius ${fixed(result.radius, 1)} m (${result.radiusSource}), cell ${fixed(result.cellSize, 1)} m (${result.cellSizeSource}), density ${result.units}`,
    formatTable(
      ['peak', 'x', 'y', 'lon', 'lat', 'density'],
      result.peaks.map((p, k) => [
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

function getisOrd(result: GiResult): string {
  return [
    `${result.features} cells of ${result.cellSize} m (${result.neighbourhood}); hot ${result.hot}, cold ${result.cold} at false discovery rate ${result.q} (p ≤ ${fixed(result.pThreshold, 5)})`,
    formatTable(
      ['kind', 'x', 'y', 'events', 'Gi* z', 'p'],
      result.cells
        .slice(0, 25)
        .map((c) => [c.kind, fixed(c.x, 0), fixed(c.y, 0), c.count, fixed(c.z, 2), c.p.toExponential(2)]),
    ),
  ].join('\n');
}

function concentration(result: ConcentrationResult): string {
  return [
    `${result.events} events at ${result.placesWithEvents} of ${result.places} places (${result.unit}); ${result.repeatPlaces} repeat places hold ${result.eventsAtRepeatPlaces} events`,
    `Gini ${fixed(result.gini, 3)}, generalised Gini (Bernasco & Steenbeek) ${fixed(result.generalizedGini, 3)}`,
    formatTable(
      ['top % of places', 'places', 'share of events'],
      result.topShares.map((s) => [s.percent, fixed(s.places, 1), `${fixed(100 * s.eventShare, 1)} %`]),
    ),
    formatTable(
      ['place', 'events'],
      result.top.map((p) => [p.name ?? `${fixed(p.x, 0)}, ${fixed(p.y, 0)}`, p.count]),
    ),
  ].join('\n\n');
}

function hourOfWeek(result: HourOfWeekResult): string {
  const hours = Array.from({ length: 24 }, (_, h) => String(h));
  return `Events per hour of the week (${result.timeZone})\n${formatTable(
    ['', ...hours],
    WEEKDAYS.map((day, d) => [day, ...hours.map((_, h) => result.counts[24 * d + h] ?? 0)]),
  )}`;
}

function trend(result: TrendResult): string {
  return `${result.interval}ly counts against a seasonal baseline; ${result.alerts} alerts at α = ${result.alpha}\n${formatTable(
    [result.interval, 'count', 'expected', 'p', 'baseline', ''],
    result.points.map((p) => [
      p.label,
      p.count,
      fixed(p.expected, 1),
      p.p === null ? '–' : p.p.toExponential(2),
      p.baseline,
      `${p.alert ? 'ALERT' : ''}${p.partial ? ' (partial)' : ''}`.trim(),
    ]),
  )}`;
}

// Each printer reads the result shape its method saves (method-results.ts).
const printers: Record<AnalysisMethod, (result: never) => string> = {
  'near-repeat': nearRepeat,
  'kernel-density': kernelDensity,
  'getis-ord': getisOrd,
  concentration,
  'hour-of-week': hourOfWeek,
  trend,
};

export function printAnalysis(method: AnalysisMethod, result: object, limits: LimitNote[]): string {
  const body = 'empty' in result ? 'Too few events for this analysis.' : printers[method](result as never);
  const notes = limits.map((note) => `- ${translate('en', note.key, note.params ?? {})}`);
  return `${body}\n\nLimits:\n${notes.join('\n')}`;
}
