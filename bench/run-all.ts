/**
 * Runs every benchmark in turn (each prints its own ratios against its
 * baseline and says whether DESIGN.md's target is met). Benchmarks measure;
 * they never fail the build: timing goals do not belong in tests.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
for (const file of files) {
  console.log(`\n### ${file}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) console.log(`(${file} exited with ${result.status})`);
}
