/**
 * `nabij analyse` as a user runs it: a child process on a CSV file, JSON out. The Knox table
 * must be exactly the library's on the same events, and bad input must be named clearly.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { knoxTest } from '../../analysis/knox.ts';
import { nearRepeatEvents } from '../../analysis/synthetic-data.ts';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../cli.ts');
const tsx = path.resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');

function writeCsv(): { file: string; x: Float64Array; y: Float64Array; days: Int32Array } {
  const generated = nearRepeatEvents(7, {
    seeds: 200,
    size: 3000,
    spanDays: 365,
    repeatChance: 0.4,
    radius: 100,
    maxLagDays: 10,
  });
  const lines = ['id,easting,northing,reported'];
  const x = new Float64Array(generated.x.length);
  const y = new Float64Array(generated.x.length);
  generated.x.forEach((gx, i) => {
    x[i] = 350_000 + gx;
    y[i] = 580_000 + (generated.y[i] as number);
    const date = new Date(Date.UTC(2023, 0, 1) + (generated.days[i] as number) * 86_400_000);
    const text = `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
    lines.push(`${i},${x[i]},${y[i]},${text}`);
  });
  lines.push('bad,350000,580000,31/02/2023');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'nabij-analyse-')), 'b.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, x, y, days: generated.days };
}

describe('nabij analyse on a CSV file', () => {
  it('prints the Near Repeat Calculator table as JSON, the same as the library computes', async () => {
    const data = writeCsv();
    const args = [
      cli,
      'analyse',
      'near-repeat',
      '--input',
      data.file,
      '--x',
      'easting',
      '--y',
      'northing',
      '--time',
      'reported',
      '--date-format',
      'dd/mm/yyyy',
      '--crs',
      'EPSG:26971',
      '--distance',
      'manhattan',
      '--spatial-bands',
      '0,200,400,600',
      '--temporal-bands',
      '0,7,14,21',
      '--permutations',
      '99',
      '--seed',
      '1',
      '--format',
      'json',
    ];
    const { stdout, stderr } = await run(tsx, args, { maxBuffer: 10_000_000 });
    expect(stderr).toMatch(/line \d+: "31\/02\/2023" is not a date in the format dd\/mm\/yyyy/);
    const output = JSON.parse(stdout);
    expect(output.source).toMatchObject({ rows: data.x.length + 1, skipped: 1 });
    expect(output.used).toBe(data.x.length);
    const expected = knoxTest(data.x, data.y, data.days, {
      spatialBands: [200, 400, 600],
      temporalBands: [7, 14, 21],
      metric: 'manhattan',
      permutations: 99,
      seed: 1,
    });
    const observed = output.result.table.flatMap((row: { cells: { observed: number }[] }) =>
      row.cells.map((cell) => cell.observed),
    );
    const pValues = output.result.table.flatMap((row: { cells: { p: number }[] }) =>
      row.cells.map((cell) => cell.p),
    );
    expect(observed).toEqual(Array.from(expected.observed));
    expect(pValues).toEqual(Array.from(expected.pValue));
    // The planted repeats: (0, 200) m within a week, well above chance.
    expect(output.result.table[1].cells[0].ratio).toBeGreaterThan(2);
    expect(output.result.table[1].cells[0].significant).toBe(true);
  }, 60_000);

  it('names a missing column and a bad parameter, and exits with 1', async () => {
    const data = writeCsv();
    const base = [
      cli,
      'analyse',
      'near-repeat',
      '--input',
      data.file,
      '--y',
      'northing',
      '--time',
      'reported',
    ];
    await expect(run(tsx, [...base, '--x', 'east', '--crs', 'EPSG:26971'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--x east: no such column'),
    });
    await expect(run(tsx, [...base, '--x', 'easting', '--permutations', '5'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--permutations'),
    });
  }, 60_000);
});
