/**
 * Turns the fields of an Open311 `POST requests` (form-encoded or JSON) into
 * the web's report body, then validates it with the web's own schema and
 * validator, so both channels accept exactly the same reports:
 *  - service_code → category; description → description;
 *  - lat/long → location; with neither, address_id or address_string must
 *    match exactly one address of the zone's list, else "location required";
 *  - attribute[code]=value (multivaluelist: attribute[code][]=value) →
 *    answers, typed by the category's questions; `person_description` (only
 *    for the anti-profiling form) → the description of the person;
 *  - first_name + last_name, email, phone → the reporter's contact (kept
 *    apart and encrypted); none given → anonymous;
 *  - media_url, device_id, account_id: accepted and ignored (a photo is
 *    never fetched from a third party's URL; devices are not tracked).
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { CategoryQuestion, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { createValidatorCompiler } from '../../platform/http/validator-compiler.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { normalizeAddressText } from '../addresses/normalize-address.ts';
import { findCategoryByCode } from '../categories/categories.repository.ts';
import { SubmitSignalBody } from '../signals/signals.schema.ts';
import { PERSON_DESCRIPTION_KEY } from '../signals/validate-answers.ts';
import { validationDetails } from './open311-errors.ts';
import { findAddressPoints } from './open311.repository.ts';

type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };
export type Open311Fields = Record<string, unknown>;

interface Validate {
  (data: unknown): boolean;
  errors?: { instancePath?: string; keyword?: string; params?: Record<string, unknown> }[] | null;
}

const validateBody = createValidatorCompiler()({
  schema: SubmitSignalBody,
  method: 'POST',
  url: '/open311/v2/requests',
  httpPart: 'body',
}) as unknown as Validate;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

/** One text field: the first value of a repeated one, trimmed; empty counts as absent. */
export function textField(fields: Open311Fields, name: string): string | undefined {
  const raw = fields[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** attribute[code]=…, attribute[code][]=… (form) or { attribute: { code: … } } (JSON). */
function readAttributes(fields: Open311Fields): Map<string, FieldValue> {
  const found = new Map<string, FieldValue>();
  for (const [key, value] of Object.entries(fields)) {
    const match = ATTRIBUTE.exec(key);
    if (!match?.[1]) continue;
    const list = match[2] !== undefined;
    found.set(match[1], list && !Array.isArray(value) ? [value as FieldValue] : (value as FieldValue));
  }
  const nested = fields['attribute'];
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [code, value] of Object.entries(nested as Record<string, FieldValue>)) found.set(code, value);
  }
  return found;
}

/** A form sends text: give each answer the type its question expects (a wrong one stays wrong). */
function typedAnswer(question: CategoryQuestion | undefined, value: FieldValue): FieldValue {
  if (question?.type === 'multivaluelist') return Array.isArray(value) ? value : [value];
  const single = Array.isArray(value) && value.length === 1 ? (value[0] ?? null) : value;
  if (question?.type === 'number' && typeof single === 'string' && /^-?\d+(\.\d+)?$/.test(single.trim())) {
    return Number(single);
  }
  return single;
}

function coordinate(fields: Open311Fields, name: 'lat' | 'long', language: Language) {
  const raw = fields[name];
  if (typeof raw === 'number') return raw;
  const text = textField(fields, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new AppError(
      'validation_failed',
      {},
      validationDetails(language, [
        {
          instancePath: `/location/${name === 'lat' ? 'lat' : 'lon'}`,
          keyword: 'type',
          params: { type: 'number' },
        },
      ]),
    );
  }
  return value;
}

async function readLocation(context: AppContext, zone: Zone, fields: Open311Fields, language: Language) {
  const lat = coordinate(fields, 'lat', language);
  const lon = coordinate(fields, 'long', language);
  if (lat !== undefined && lon !== undefined) return { lon, lat };
  const addressId = textField(fields, 'address_id');
  const addressText = textField(fields, 'address_string');
  let points: { lon: number; lat: number }[] = [];
  if (addressId && UUID.test(addressId)) {
    points = await findAddressPoints(context.db, zone.id, { id: addressId });
  } else if (addressText) {
    points = await findAddressPoints(context.db, zone.id, { searchText: normalizeAddressText(addressText) });
  }
  const only = points.length === 1 ? points[0] : undefined;
  if (!only) throw new AppError('open311_location_required');
  return { lon: only.lon, lat: only.lat };
}

export async function readRequestInput(
  context: AppContext,
  zone: Zone,
  fields: Open311Fields,
  language: Language,
): Promise<SubmitSignalBody> {
  const serviceCode = textField(fields, 'service_code') ?? '';
  const category = serviceCode ? await findCategoryByCode(context.db, zone.id, serviceCode) : undefined;
  const questions = new Map((category?.questions ?? []).map((q) => [q.code, q]));
  const answers = new Map<string, FieldValue>();
  let personDescription: FieldValue | undefined;
  for (const [code, value] of readAttributes(fields)) {
    // The anti-profiling form's description of the person is its own field on the web too.
    if (code === PERSON_DESCRIPTION_KEY && category?.asks_behaviour) personDescription = value;
    else answers.set(code, typedAnswer(questions.get(code), value));
  }
  const name = [textField(fields, 'first_name'), textField(fields, 'last_name')].filter(Boolean).join(' ');
  const email = textField(fields, 'email');
  const phone = textField(fields, 'phone');
  const hasContact = Boolean(name || email || phone);
  const body: Record<string, unknown> = {
    category: serviceCode,
    description: textField(fields, 'description') ?? '',
    location: await readLocation(context, zone, fields, language),
    anonymous: !hasContact,
    ...(answers.size > 0 ? { answers: Object.fromEntries(answers) } : {}),
    ...(personDescription !== undefined ? { personDescription } : {}),
    ...(hasContact
      ? { reporter: { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) } }
      : {}),
  };
  if (!validateBody(body)) {
    throw new AppError('validation_failed', {}, validationDetails(language, validateBody.errors ?? []));
  }
  return body as SubmitSignalBody;
}
