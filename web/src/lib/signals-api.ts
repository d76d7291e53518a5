/**
 * Types and calls of the residents' side of signals: categories for the
 * report form, reporting, the nearby check, following, the tracking link and
 * the public view. The shapes are the server's schemas themselves
 * (src/modules/signals/signals.schema.ts, categories.schema.ts): one
 * definition for both sides.
 */
import type { Static } from 'typebox';
import type { PublicArea } from '../../../src/modules/areas/areas.schema.ts';
import type {
  PublicCategory as PublicCategorySchema,
  QuestionSchema,
} from '../../../src/modules/categories/categories.schema.ts';
import type {
  FollowResult as FollowResultSchema,
  NearbySignal as NearbySignalSchema,
  PublicCounts as PublicCountsSchema,
  PublicSignal,
  PublicStatus as PublicStatusSchema,
  SubmitSignalBody,
  SubmittedSignal as SubmittedSignalSchema,
  TrackedSignal as TrackedSignalSchema,
} from '../../../src/modules/signals/signals.schema.ts';
import { api, query, zoneApiPath } from './api.ts';

export type { PublicSignal, SubmitSignalBody };
export type PublicCategory = Static<typeof PublicCategorySchema>;
export type CategoryQuestion = Static<typeof QuestionSchema>;
export type CategoryKind = PublicCategory['kind'];
export type SubmittedSignal = Static<typeof SubmittedSignalSchema>;
export type NearbySignal = Static<typeof NearbySignalSchema>;
export type FollowResult = Static<typeof FollowResultSchema>;
export type TrackedSignal = Static<typeof TrackedSignalSchema>;
export type PublicCounts = Static<typeof PublicCountsSchema>;
export type PublicStatus = Static<typeof PublicStatusSchema>;
export type StatusType = PublicStatus['type'];
export type AnswerValue = string | number | string[];

export interface PublicSignalFilter {
  areaId?: string;
  category?: string;
  status?: StatusType;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export const signalsApi = {
  categories: (zone: string) => api.get<PublicCategory[]>(zoneApiPath(zone, '/categories')),
  locate: (zone: string, lon: number, lat: number, signal?: AbortSignal) =>
    api.get<{ area: PublicArea | null }>(
      zoneApiPath(zone, `/areas/locate${query({ lon, lat })}`),
      signal ? { signal } : {},
    ),
  submit: (zone: string, body: SubmitSignalBody, idempotencyKey: string) =>
    api.post<SubmittedSignal>(zoneApiPath(zone, '/signals'), body, { idempotencyKey }),
  nearby: (zone: string, category: string, lon: number, lat: number, signal?: AbortSignal) =>
    api.get<NearbySignal[]>(
      zoneApiPath(zone, `/signals/nearby${query({ category, lon, lat })}`),
      signal ? { signal } : {},
    ),
  follow: (
    zone: string,
    signalId: string,
    body: { email?: string; language: string },
    idempotencyKey: string,
  ) =>
    api.post<FollowResult>(zoneApiPath(zone, `/signals/${encodeURIComponent(signalId)}/followers`), body, {
      idempotencyKey,
    }),
  publicSignals: (zone: string, filter: PublicSignalFilter, signal?: AbortSignal) =>
    api.get<{ items: PublicSignal[]; nextCursor: string | null }>(
      zoneApiPath(zone, `/public/signals${query({ ...filter })}`),
      signal ? { signal } : {},
    ),
  counts: (zone: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<PublicCounts>(
      zoneApiPath(zone, `/public/signal-counts${query({ from, to })}`),
      signal ? { signal } : {},
    ),
  track: (token: string) => api.get<TrackedSignal>(`/api/track/${encodeURIComponent(token)}`),
  feedback: (token: string, solved: boolean, comment: string | undefined) =>
    api.post<{ ok: boolean }>(`/api/track/${encodeURIComponent(token)}/feedback`, {
      solved,
      ...(comment ? { comment } : {}),
    }),
};

/** The kinds in the order the form shows them. */
export const categoryKinds: CategoryKind[] = ['crime', 'livability', 'other'];

/** The tracking page's address on this site (the server's link may name another host in development). */
export function trackingPath(token: string): string {
  return `/track/${encodeURIComponent(token)}`;
}

/** A calendar day (YYYY-MM-DD) in a time zone. */
export function dayIn(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The day `days` days before the given day (both YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
