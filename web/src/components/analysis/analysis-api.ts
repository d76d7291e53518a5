/**
 * The analyst's side of analyses: the shapes of the API's answers (types of
 * src/modules/analyses/analyses.schema.ts and, for the methods' results,
 * src/modules/analyses/method-results.ts), the API calls, and small formatting helpers.
 */
import type { Static } from 'typebox';
import type {
  AnalysisMethod,
  CreateAnalysisBody,
  IncidentOverview as IncidentOverviewSchema,
  SnapshotSummary as SnapshotSummarySchema,
  SnapshotView as SnapshotViewSchema,
} from '../../../../src/modules/analyses/analyses.schema.ts';
export type {
  ConcentrationResult,
  DensityResult,
  GiResult,
  HourOfWeekResult,
  KnoxCell,
  KnoxResult,
  TrendPoint,
  TrendResult,
} from '../../../../src/modules/analyses/method-results.ts';
import { api, zoneApiPath } from '../../lib/api.ts';
import { i18n, t } from '../../lib/i18n.svelte.ts';

export type { AnalysisMethod, CreateAnalysisBody };
export type IncidentOverview = Static<typeof IncidentOverviewSchema>;
export type SnapshotSummary = Static<typeof SnapshotSummarySchema>;
export type SnapshotView = Static<typeof SnapshotViewSchema>;

export const methods: readonly AnalysisMethod[] = [
  'kernel-density',
  'getis-ord',
  'near-repeat',
  'concentration',
  'hour-of-week',
  'trend',
];

/** analyses.policy.ts */
export const runnerRoles = ['analyst', 'supervisor', 'administrator'] as const;
export const viewerRoles = ['analyst', 'supervisor', 'officer', 'administrator'] as const;
/** incidents.policy.ts */
export const importerRoles = ['analyst', 'supervisor', 'administrator'] as const;

export interface LimitNote {
  key: string;
  params?: Record<string, string | number>;
}

export const analysisApi = {
  overview: (zone: string) => api.get<IncidentOverview>(zoneApiPath(zone, '/incidents/overview')),
  list: (zone: string, cursor?: string | null) =>
    api.get<{ items: SnapshotSummary[]; nextCursor: string | null }>(
      zoneApiPath(zone, `/analyses${cursor ? `?${new URLSearchParams({ cursor })}` : ''}`),
    ),
  get: (zone: string, id: string) => api.get<SnapshotView>(zoneApiPath(zone, `/analyses/${id}`)),
  start: (zone: string, body: CreateAnalysisBody, idempotencyKey: string) =>
    api.post<SnapshotView>(zoneApiPath(zone, '/analyses'), body, { idempotencyKey }),
};

export function methodName(method: string): string {
  return t(`web.analysis.method.${method}`);
}

export function limitText(note: LimitNote): string {
  const params = Object.fromEntries(
    Object.entries(note.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'number' ? formatNumber(value) : value,
    ]),
  );
  return t(note.key, params);
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatDate(iso: string | null): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** Weekday names, Monday first, in the interface language. */
export function weekdayNames(style: 'long' | 'short' = 'short'): string[] {
  const format = new Intl.DateTimeFormat(i18n.language, { weekday: style, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, d) => format.format(new Date(Date.UTC(2024, 0, 1 + d))));
}
