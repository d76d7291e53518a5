/** Defaults for a new zone's look and legal texts, until its administrator sets them. */
import type { ZoneBranding, ZoneLegal } from '../../platform/database/tables.ts';

export function defaultBranding(): ZoneBranding {
  return { logoUrl: null, primaryColour: '#1f3a5f', accentColour: '#c8102e' };
}

export function emptyLegal(): ZoneLegal {
  return { privacyNotice: {}, terms: {} };
}
