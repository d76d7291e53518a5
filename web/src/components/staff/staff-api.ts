/**
 * The staff's side of signals: the shapes of the triage API's answers (the
 * types of src/modules/signals/triage.schema.ts and categories.schema.ts), who may do
 * what (signals.policy.ts), the queue's filters as they live in the URL, and
 * small formatting helpers shared by the queue, the detail and the record form.
 */
import type { Static } from 'typebox';
import type {
  AdminCategory as AdminCategorySchema,
  AnswerTemplate as AnswerTemplateSchema,
  Partner as PartnerSchema,
  QuestionSchema,
  StatusWithTransitions as StatusWithTransitionsSchema,
} from '../../../../src/modules/categories/categories.schema.ts';
import type { StaffChannel as StaffChannelSchema } from '../../../../src/modules/signals/signals.schema.ts';
import type {
  QueueItem as QueueItemSchema,
  ReporterContact as ReporterContactSchema,
  SignalDetail as SignalDetailSchema,
  StatusView as StatusViewSchema,
  UpdateSignalBody,
} from '../../../../src/modules/signals/triage.schema.ts';
import { zoneApiPath } from '../../lib/api.ts';
import { i18n, t } from '../../lib/i18n.svelte.ts';
import { toLocalInput } from '../../lib/report-form.ts';
import type { StatusType, SubmittedSignal } from '../../lib/signals-api.ts';
import type { Role } from '../admin/admin-api.ts';

export type { CategoryKind, StatusType } from '../../lib/signals-api.ts';
export { categoryKinds } from '../../lib/signals-api.ts';
export type Priority = NonNullable<UpdateSignalBody['priority']>;
export type Channel = 'web' | 'phone' | 'counter' | 'email' | 'patrol' | 'network' | 'open311';

export const priorities: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
export const channels: readonly Channel[] = [
  'web',
  'phone',
  'counter',
  'email',
  'patrol',
  'network',
  'open311',
];
/** Channels staff record signals from (RecordSignalBody's `channel`). */
export type StaffChannel = Static<typeof StaffChannelSchema>;
export const staffChannels = [
  'phone',
  'counter',
  'email',
  'patrol',
  'network',
] as const satisfies readonly StaffChannel[];
export const statusTypes: readonly StatusType[] = ['open', 'closed', 'fixed'];

/** The roles of signals.policy.ts. */
export const viewerRoles: readonly Role[] = [
  'officer',
  'civilian_staff',
  'supervisor',
  'administrator',
  'analyst',
];
export const recorderRoles: readonly Role[] = ['officer', 'civilian_staff', 'supervisor', 'administrator'];
export const handlerRoles: readonly Role[] = ['officer', 'supervisor', 'administrator'];

/** The answer key under which the person's description is stored (validate-answers.ts). */
export const PERSON_DESCRIPTION_KEY = 'person_description';

// The shapes are the server's schemas themselves (triage.schema.ts, categories.schema.ts).
export type StatusView = Static<typeof StatusViewSchema>;
export type QueueItem = Static<typeof QueueItemSchema>;
export type SignalDetail = Static<typeof SignalDetailSchema>;
export type TimelineEvent = SignalDetail['timeline'][number];
export type ReporterContact = Static<typeof ReporterContactSchema>;
export type Question = Static<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type QuestionOption = Question['options'][number];
export const questionTypes: readonly QuestionType[] = [
  'text',
  'number',
  'datetime',
  'singlevaluelist',
  'multivaluelist',
];
export type AdminCategory = Static<typeof AdminCategorySchema>;
export type StatusWithTransitions = Static<typeof StatusWithTransitionsSchema>;
export type AnswerTemplate = Static<typeof AnswerTemplateSchema>;
export type Partner = Static<typeof PartnerSchema>;
/** What recording a signal answers (the same as a resident's report). */
export type RecordedSignal = SubmittedSignal;

/** The officer list of GET /officers, as far as the triage needs it. */
export interface OfficerOption {
  id: string;
  name: string;
  areaIds: string[];
}

/* ---------- The queue's filters, kept in the URL so a filtered queue can be shared. ---------- */

export interface QueueFilters {
  /** "mine": assigned to me or in the neighbourhoods I cover; "all": everything I may see. */
  scope: 'mine' | 'all';
  areaId: string;
  statusType: '' | StatusType;
  category: string;
  channel: '' | Channel;
  priority: '' | Priority;
  olderThanDays: string;
  overdue: boolean;
  search: string;
}

export function emptyFilters(scope: 'mine' | 'all'): QueueFilters {
  return {
    scope,
    areaId: '',
    statusType: '',
    category: '',
    channel: '',
    priority: '',
    olderThanDays: '',
    overdue: false,
    search: '',
  };
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): '' | T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';

/** Filters from a query string; `defaultScope` applies when the URL does not say. */
export function filtersFromSearch(search: string, defaultScope: 'mine' | 'all'): QueueFilters {
  const params = new URLSearchParams(search);
  const scope = params.get('scope');
  const days = params.get('olderThanDays') ?? '';
  return {
    scope: scope === 'mine' || scope === 'all' ? scope : defaultScope,
    areaId: params.get('areaId') ?? '',
    statusType: oneOf(params.get('statusType'), statusTypes),
    category: params.get('category') ?? '',
    channel: oneOf(params.get('channel'), channels),
    priority: oneOf(params.get('priority'), priorities),
    olderThanDays: /^\d{1,4}$/.test(days) ? days : '',
    overdue: params.get('overdue') === 'true',
    search: (params.get('search') ?? '').slice(0, 60),
  };
}

/** The query string of the page (only what differs from the defaults; the scope is always written). */
export function searchOfFilters(filters: QueueFilters): string {
  const params = new URLSearchParams();
  params.set('scope', filters.scope);
  if (filters.areaId) params.set('areaId', filters.areaId);
  if (filters.statusType) params.set('statusType', filters.statusType);
  if (filters.category) params.set('category', filters.category);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.priority) params.set('priority', filters.priority);
  if (filters.olderThanDays) params.set('olderThanDays', filters.olderThanDays);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.search.trim()) params.set('search', filters.search.trim());
  return `?${params}`;
}

/** The API's query (QueueQuery) for these filters. */
export function apiQueryOfFilters(filters: QueueFilters, cursor: string | null): string {
  const params = new URLSearchParams();
  if (filters.scope === 'mine') params.set('mine', 'true');
  if (filters.areaId) params.set('areaId', filters.areaId);
  if (filters.statusType) params.set('statusType', filters.statusType);
  if (filters.category) params.set('category', filters.category);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.priority) params.set('priority', filters.priority);
  if (filters.olderThanDays) params.set('olderThanDays', filters.olderThanDays);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.search.trim()) params.set('search', filters.search.trim());
  if (cursor) params.set('cursor', cursor);
  params.set('limit', '50');
  return `?${params}`;
}

/** How many filters narrow the queue beyond its scope. */
export function activeFilterCount(filters: QueueFilters): number {
  return [
    filters.areaId,
    filters.statusType,
    filters.category,
    filters.channel,
    filters.priority,
    filters.olderThanDays,
    filters.overdue ? 'yes' : '',
    filters.search.trim(),
  ].filter((v) => v !== '').length;
}

/* ---------- Formatting ---------- */

/** "3 days ago", "5 hours ago" in the interface language. */
export function formatAge(iso: string, now = Date.now()): string {
  const ms = now - new Date(iso).getTime();
  const format = new Intl.RelativeTimeFormat(`${i18n.language}-BE`, { numeric: 'auto' });
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('web.staff.just_now');
  if (hours < 1) return format.format(-minutes, 'minute');
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}

/** Whole days between a moment and now (for "older than" questions). */
export function ageInDays(iso: string, now = Date.now()): number {
  return Math.floor((now - new Date(iso).getTime()) / 86_400_000);
}

/** A `datetime-local` value (the browser's time) → ISO instant, or undefined when empty or invalid. */
export function instantOf(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Now as a `datetime-local` value in the browser's time (the upper bound of "when did it happen"). */
export function localNow(): string {
  return toLocalInput(new Date());
}

/** The signal pages' URLs. */
export const staffPaths = {
  queue: (zone: string, search = '') => `/${zone}/staff/signals${search}`,
  signal: (zone: string, id: string) => `/${zone}/staff/signals/${id}`,
  record: (zone: string) => `/${zone}/staff/signals/new`,
};

/** `/api/zones/<zone>/staff/signals<rest>`. */
export function signalsApi(zone: string, rest = ''): string {
  return zoneApiPath(zone, `/staff/signals${rest}`);
}

/** The queue's last query string, so "back to the queue" returns to the same filters. */
export const queueMemory = { search: '' };
