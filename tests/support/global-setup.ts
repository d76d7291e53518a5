/**
 * Runs once before the test files: prepares a migrated database template so
 * every test file can start from it in well under a second.
 *  - PGlite: a migrated data directory dumped to a tarball in .tmp/.
 *  - PostgreSQL (DATABASE_URL set): a template database `<db>_nabij_template`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createTemplate, TEMPLATE_DUMP } from './test-database.ts';

export default async function setup(): Promise<void> {
  mkdirSync(path.dirname(TEMPLATE_DUMP), { recursive: true });
  await createTemplate();
}
