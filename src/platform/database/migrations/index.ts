/**
 * The ordered list of migrations. Static imports (not a folder scan) so the
 * list is typed and works the same under tsx, tests and bundlers. Never edit a
 * migration that has shipped: add a new one.
 */
import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.ts';
import * as signals from './0002-signals.ts';
import * as incidents from './0003-incidents.ts';

export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-signals': signals,
  '0003-incidents': incidents,
};
