/** Helpers for forms: server errors per field, a readable message for any failure. */
import { ApiError } from './api.ts';
import { t } from './i18n.svelte.ts';

/** The translated message of a failure (the server's own text for API errors). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t('web.error.unexpected');
}

/**
 * Per-field messages from an API error's details, keyed by the field's name
 * (the last part of the detail's path, e.g. "body/email" → "email").
 * Several problems with one field are joined.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const detail of error.details) {
    const field = detail.path.split('/').filter(Boolean).pop() ?? '';
    if (!field) continue;
    out[field] = out[field] ? `${out[field]} ${detail.message}` : detail.message;
  }
  return out;
}

/** Moves focus to the first field of a form that is marked invalid. */
export function focusFirstInvalid(form: HTMLFormElement | null | undefined): void {
  queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** A `next` target from the URL, accepted only when it is a path on this site. */
export function safeNextPath(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}
