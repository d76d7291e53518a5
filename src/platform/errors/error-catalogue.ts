/**
 * The one catalogue of errors. Each code is stable (clients and tests key on
 * it), has an HTTP status and a message in every language under
 * `error.<code>` in the i18n catalogue. Add a code here, then its messages.
 */
export const errorCatalogue = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  idempotency_key_invalid: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  second_factor_required: 401,
  invalid_second_factor: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_failed: 403,
  second_factor_setup_required: 403,
  account_locked: 423,
  account_disabled: 403,
  not_found: 404,
  zone_not_found: 404,
  area_not_found: 404,
  officer_not_found: 404,
  account_not_found: 404,
  route_not_found: 404,
  outbox_unavailable: 404,
  conflict: 409,
  email_taken: 409,
  invitation_not_pending: 409,
  zone_slug_taken: 409,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
  reset_token_invalid: 400,
  password_too_weak: 400,
  area_import_unreadable: 400,
  area_import_unknown_crs: 400,
  area_import_empty: 400,
  area_import_nothing_usable: 400,
  area_parent_invalid: 400,
  officer_deputy_same: 400,
  absence_dates_invalid: 400,
  point_outside_zone: 404,
  category_unknown: 400,
  category_blocked: 400,
  location_outside_zone: 400,
  behaviour_missing: 400,
  behaviour_too_short: 400,
  behaviour_appearance_only: 400,
  answer_invalid: 400,
  anonymous_with_contact: 400,
  occurred_at_invalid: 400,
  photo_too_large: 400,
  photo_type_unsupported: 400,
  photo_unreadable: 400,
  signal_not_found: 404,
  status_transition_invalid: 409,
  duplicate_of_invalid: 400,
  tracking_link_invalid: 404,
  feedback_not_possible: 409,
  template_not_found: 404,
  category_code_taken: 409,
  status_not_found: 404,
  partner_not_found: 404,
  public_text_has_personal_data: 400,
  open311_api_key_invalid: 403,
  open311_jurisdiction_required: 400,
  open311_location_required: 400,
  open311_service_unknown: 404,
  open311_date_range_invalid: 400,
  open311_client_not_found: 404,
  incident_mapping_invalid: 400,
  incident_import_not_found: 404,
  incident_import_has_file: 409,
  incident_import_empty: 400,
  analysis_method_unknown: 400,
  analysis_period_invalid: 400,
  analysis_parameters_invalid: 400,
  analysis_not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  database_busy: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/** Detail about one field or item, for forms to show beside the input. */
export interface ErrorDetail {
  path: string;
  code: string;
  message: string;
}

/**
 * An expected failure with a stable code. `params` fill the message's
 * placeholders; `details` list per-field problems. Never put personal data in
 * either: error bodies may be logged.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(code);
    this.name = 'AppError';
    this.status = errorCatalogue[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
