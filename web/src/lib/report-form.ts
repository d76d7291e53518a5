/**
 * The report form's state, apart from its page: what a resident typed (the
 * draft, kept per zone in localStorage so nothing is lost on a reload or a
 * lost connection), the checks made before sending, the request body built
 * from it, and server errors placed beside the right field.
 *
 * One Idempotency-Key belongs to one intended report: it is made when the
 * draft starts and kept across retries, so a retry after a lost answer gets
 * the signal the server already stored instead of a second one. The server
 * compares the whole request with the key, so every body whose fate is
 * unknown (the connection failed) is kept as well: when the key turns out to
 * be used by one of them, that exact body is sent again to learn its answer.
 */
import type { ErrorDetail } from './api.ts';
import type { AnswerValue, CategoryQuestion, PublicCategory, SubmitSignalBody } from './signals-api.ts';
import { looksLikeEmail } from './text.ts';

export const DESCRIPTION_MIN = 10;
/** The server refuses shorter accounts of behaviour (anti-profiling rule). */
export const BEHAVIOUR_MIN = 20;
export const DESCRIPTION_MAX = 5000;
export const PERSON_DESCRIPTION_MAX = 500;
export const DRAFT_MAX_AGE_DAYS = 7;
const DRAFT_VERSION = 1;

export type PlaceSource = 'map' | 'gps' | 'centre' | 'area';
/** What the server said about the chosen point. */
export type PlaceState = 'none' | 'checking' | 'inside' | 'outside' | 'failed';

export interface PlaceChoice {
  lon: number;
  lat: number;
  source: PlaceSource;
}

export interface PhotoDraft {
  /** Base64 of a JPEG made in the browser (metadata dropped by re-encoding). */
  data: string;
  width: number;
  height: number;
  name: string;
}

/** Form values as typed: numbers and times stay text until the body is built. */
export type AnswerInput = string | string[];

export interface ReportDraft {
  version: number;
  savedAt: string;
  idempotencyKey: string;
  category: string | null;
  place: PlaceChoice | null;
  description: string;
  personDescription: string;
  answers: Record<string, AnswerInput>;
  /** The value of a datetime-local input (local time, no zone). */
  occurredAt: string;
  anonymous: boolean;
  name: string;
  email: string;
  phone: string;
  wantsUpdates: boolean;
  consentShareWithPartner: boolean;
  photos: PhotoDraft[];
  /** Bodies sent with this key whose answer never arrived. */
  unsure: SubmitSignalBody[];
}

/** A key the server accepts (8–128 letters, digits, - or _), also outside secure contexts. */
export function newReportKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `report-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function emptyDraft(): ReportDraft {
  return {
    version: DRAFT_VERSION,
    savedAt: new Date().toISOString(),
    idempotencyKey: newReportKey(),
    category: null,
    place: null,
    description: '',
    personDescription: '',
    answers: {},
    occurredAt: '',
    anonymous: false,
    name: '',
    email: '',
    phone: '',
    wantsUpdates: true,
    consentShareWithPartner: false,
    photos: [],
    unsure: [],
  };
}

/** True when the resident has typed or chosen anything worth keeping. */
export function hasContent(draft: ReportDraft): boolean {
  return (
    draft.category !== null ||
    draft.place !== null ||
    draft.description.trim() !== '' ||
    draft.personDescription.trim() !== '' ||
    draft.occurredAt !== '' ||
    draft.name !== '' ||
    draft.email !== '' ||
    draft.phone !== '' ||
    draft.photos.length > 0 ||
    Object.values(draft.answers).some((v) => (Array.isArray(v) ? v.length > 0 : v !== ''))
  );
}

// ---------------------------------------------------------------- storage

const storageKey = (zone: string) => `nabij.report-draft.${zone}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadDraft(zone: string, now: Date = new Date()): ReportDraft | null {
  const store = storage();
  const text = store?.getItem(storageKey(zone));
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<ReportDraft>;
    if (parsed.version !== DRAFT_VERSION || typeof parsed.idempotencyKey !== 'string') return null;
    const saved = Date.parse(parsed.savedAt ?? '');
    if (!Number.isFinite(saved) || now.getTime() - saved > DRAFT_MAX_AGE_DAYS * 24 * 3600_000) {
      store?.removeItem(storageKey(zone));
      return null;
    }
    return { ...emptyDraft(), ...parsed } as ReportDraft;
  } catch {
    return null;
  }
}

export type SaveOutcome = 'saved' | 'saved_without_photos' | 'not_saved';

/**
 * Keeps the draft on this device. Photos go along when there is room; when
 * the browser's storage is full, the text is kept without them.
 */
export function saveDraft(zone: string, draft: ReportDraft): SaveOutcome {
  const store = storage();
  if (!store) return 'not_saved';
  const stamped = { ...draft, savedAt: new Date().toISOString() };
  try {
    store.setItem(storageKey(zone), JSON.stringify(stamped));
    return 'saved';
  } catch {
    try {
      const light = {
        ...stamped,
        photos: [],
        unsure: stamped.unsure.map((body) => ({ ...body, photos: [] })),
      };
      store.setItem(storageKey(zone), JSON.stringify(light));
      return 'saved_without_photos';
    } catch {
      return 'not_saved';
    }
  }
}

export function clearDraft(zone: string): void {
  storage()?.removeItem(storageKey(zone));
}

// ---------------------------------------------------------------- checks and body

/** `YYYY-MM-DDTHH:mm` of a moment in the browser's time zone (the datetime-local format). */
export function toLocalInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(
    at.getMinutes(),
  )}`;
}

function isEmpty(value: AnswerInput | undefined): boolean {
  return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
}

/** An answer as the API takes it (numbers and times converted), or null when it cannot be read. */
export function answerValue(question: CategoryQuestion, value: AnswerInput): AnswerValue | null {
  switch (question.type) {
    case 'multivaluelist':
      return Array.isArray(value) ? value : [value];
    case 'number': {
      const number = Number(String(value).replace(',', '.'));
      return Number.isFinite(number) ? number : null;
    }
    case 'datetime': {
      const at = new Date(String(value));
      return Number.isNaN(at.getTime()) ? null : at.toISOString();
    }
    default:
      return Array.isArray(value) ? (value[0] ?? '') : value.trim();
  }
}

/** Message keys of what is missing or wrong, by field (see `fieldOfPath`). */
export function checkDraft(
  draft: ReportDraft,
  category: PublicCategory | null,
  placeInside: boolean,
  now: Date = new Date(),
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!category) {
    problems['category'] = 'web.report.error_category';
    return problems;
  }
  if (category.blockingNotice) problems['category'] = 'web.report.error_blocked';
  if (!draft.place) problems['location'] = 'web.report.error_place';
  else if (!placeInside) problems['location'] = 'web.report.error_place_outside';
  const description = draft.description.trim();
  if (description.length < DESCRIPTION_MIN) problems['description'] = 'web.report.error_description_short';
  else if (draft.description.length > DESCRIPTION_MAX) problems['description'] = 'web.report.error_too_long';
  if (category.asksBehaviour && draft.personDescription.length > PERSON_DESCRIPTION_MAX)
    problems['personDescription'] = 'web.report.error_too_long';
  if (draft.occurredAt) {
    const at = new Date(draft.occurredAt);
    if (Number.isNaN(at.getTime())) problems['occurredAt'] = 'web.report.error_time_invalid';
    else if (at.getTime() > now.getTime() + 60_000) problems['occurredAt'] = 'web.report.error_time_future';
    else if (at.getTime() < now.getTime() - 365 * 24 * 3600_000)
      problems['occurredAt'] = 'web.report.error_time_old';
  }
  for (const question of category.questions) {
    const value = draft.answers[question.code];
    if (isEmpty(value)) {
      if (question.required) problems[`answers/${question.code}`] = 'web.form.required';
    } else if (answerValue(question, value as AnswerInput) === null) {
      problems[`answers/${question.code}`] =
        question.type === 'number' ? 'web.report.error_number' : 'web.report.error_time_invalid';
    }
  }
  if (!draft.anonymous) {
    if (draft.email.trim() && !looksLikeEmail(draft.email.trim()))
      problems['reporter/email'] = 'web.form.email_invalid';
    const phone = draft.phone.trim();
    if (phone && (!/^[+0-9 ()./-]+$/.test(phone) || phone.length < 6 || phone.length > 30))
      problems['reporter/phone'] = 'web.report.error_phone';
  }
  return problems;
}

/** The request body for POST /signals, built the same way every time from the same draft. */
export function buildBody(draft: ReportDraft, category: PublicCategory, language: string): SubmitSignalBody {
  const body: SubmitSignalBody = {
    category: category.code,
    description: draft.description.trim(),
    location: { lon: draft.place?.lon ?? 0, lat: draft.place?.lat ?? 0 },
    language: language as SubmitSignalBody['language'],
  };
  if (category.asksBehaviour && draft.personDescription.trim())
    body.personDescription = draft.personDescription.trim();
  if (draft.occurredAt) body.occurredAt = new Date(draft.occurredAt).toISOString();
  const answers: Record<string, AnswerValue> = {};
  for (const question of category.questions) {
    const value = draft.answers[question.code];
    if (isEmpty(value)) continue;
    const converted = answerValue(question, value as AnswerInput);
    if (converted !== null) answers[question.code] = converted;
  }
  if (Object.keys(answers).length > 0) body.answers = answers;
  if (draft.photos.length > 0) body.photos = draft.photos.map((p) => ({ data: p.data }));
  if (draft.anonymous) {
    body.anonymous = true;
  } else {
    const name = draft.name.trim();
    const email = draft.email.trim();
    const phone = draft.phone.trim();
    if (name || email || phone) {
      body.reporter = {
        ...(name ? { name } : {}),
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
        wantsUpdates: draft.wantsUpdates,
        consentShareWithPartner: draft.consentShareWithPartner,
      };
    }
  }
  return body;
}

/** Two bodies are the same request when their JSON is (the server hashes the same way). */
export function sameBody(a: SubmitSignalBody, b: SubmitSignalBody): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------- server errors

/** Errors the server gives without a path, and the field they belong beside. */
const fieldOfCode: Record<string, string> = {
  category_unknown: 'category',
  category_blocked: 'category',
  location_outside_zone: 'location',
  behaviour_missing: 'description',
  behaviour_too_short: 'description',
  behaviour_appearance_only: 'description',
  occurred_at_invalid: 'occurredAt',
  anonymous_with_contact: 'anonymous',
  photo_too_large: 'photos',
  photo_type_unsupported: 'photos',
  photo_unreadable: 'photos',
};

function isApiError(error: unknown): error is { code: string; message: string; details: ErrorDetail[] } {
  return (
    error instanceof Error &&
    error.name === 'ApiError' &&
    typeof (error as { code?: unknown }).code === 'string' &&
    Array.isArray((error as { details?: unknown }).details)
  );
}

/** `body/answers/vehicle_type` → `answers/vehicle_type`; `body/photos/1/data` → `photos`. */
export function fieldOfPath(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  const [first, second] = parts;
  if (!first) return '';
  if (first === 'answers' || first === 'reporter') return second ? `${first}/${second}` : first;
  if (first === 'photos') return 'photos';
  if (first === 'location') return 'location';
  return first;
}

/**
 * Places an API error beside its fields: per-field details by their path,
 * known codes by their field; what fits no field is returned as `form`.
 */
export function placeServerError(error: unknown): { fields: Record<string, string>; form: string | null } {
  const fields: Record<string, string> = {};
  // The shape of ApiError, checked by structure so this module loads without the browser's i18n state.
  if (!isApiError(error)) return { fields, form: null };
  for (const detail of error.details) {
    const field = fieldOfPath(detail.path);
    if (!field) continue;
    fields[field] = fields[field] ? `${fields[field]} ${detail.message}` : detail.message;
  }
  const byCode = fieldOfCode[error.code];
  if (byCode && !fields[byCode]) fields[byCode] = error.message;
  const placed = Object.keys(fields).length > 0;
  return { fields, form: placed && error.details.length === 0 ? null : error.message };
}
