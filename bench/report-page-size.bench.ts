/**
 * DESIGN.md, "Measured targets" → browser: a resident's report page loads
 * under 100 KB of compressed JavaScript.
 *
 * Measures what a browser really loads: starts the server on the built web
 * app (run `npm run build:web` first) with a fresh embedded database and the
 * demo zone, opens /gent/report in Debian's Chromium, waits until the form
 * is usable, then also chooses a category and a place (anything loaded on
 * demand counts too), and prints every JavaScript file with its raw, gzip
 * (level 9) and brotli (quality 11) size, the totals, and whether the
 * gzip total is under the budget. Compressed sizes are computed here from
 * the bytes received, so the result does not depend on whether a proxy in
 * front of the server compresses.
 *
 *   npm run build:web && npx tsx bench/report-page-size.bench.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const BUDGET_KB = 100;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env['BENCH_PORT'] ?? 3177);
const baseUrl = `http://127.0.0.1:${port}`;

interface Loaded {
  file: string;
  phase: 'load' | 'use';
  raw: number;
  gzip: number;
  brotli: number;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);

async function waitForHealth(server: ChildProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not become healthy in time');
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'web/dist/index.html'))) {
    console.error('web/dist is empty: run `npm run build:web` first.');
    process.exit(2);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nabij-bench-size-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/entrypoints/server.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NABIJ_DATA_DIR: dataDir,
      NABIJ_DEMO: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      DATABASE_URL: '',
    },
  });
  const stop = () => {
    if (server.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', stop);

  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    await waitForHealth(server, 180_000);
    // A phone, as residents mostly report from one.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'nl-BE',
    });
    const page = await context.newPage();
    const loaded: Loaded[] = [];
    const pending: Promise<void>[] = [];
    let phase: Loaded['phase'] = 'load';
    const catalogues: { file: string; gzip: number }[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === baseUrl && /^\/assets\/.*\.json$/.test(url.pathname)) {
        pending.push(
          response.body().then((body) => {
            catalogues.push({ file: url.pathname, gzip: gzipSync(body, { level: 9 }).length });
          }),
        );
        return;
      }
      const isScript = response.request().resourceType() === 'script' || /\.m?js$/.test(url.pathname);
      if (!isScript || url.origin !== baseUrl) return;
      const current = phase;
      pending.push(
        response.body().then((body) => {
          loaded.push({
            file: url.pathname,
            phase: current,
            raw: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
            brotli: brotliCompressSync(body, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
            }).length,
          });
        }),
      );
    });

    await page.goto(`${baseUrl}/gent/report`, { waitUntil: 'networkidle' });
    await page.locator('main h1').waitFor();
    await page.locator('input[name="category"]').first().waitFor();
    await Promise.all(pending);

    // Use the page: a category, then the centre of the map as the place.
    phase = 'use';
    await page.locator('input[name="category"][value="noise"]').check();
    await page.locator('.leaflet-container').waitFor();
    await page.locator('.place-picker > button.secondary').click();
    await page.locator('#place-status strong').waitFor();
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    await context.close();

    const byFile = [...loaded].sort((a, b) => b.gzip - a.gzip);
    console.log(`JavaScript loaded by ${baseUrl}/gent/report (phone viewport, Chromium):\n`);
    console.log(
      `${'file'.padEnd(44)} ${'phase'.padEnd(5)} ${'raw KB'.padStart(7)} ${'gzip KB'.padStart(7)} ${'br KB'.padStart(7)}`,
    );
    for (const entry of byFile) {
      console.log(
        `${entry.file.padEnd(44)} ${entry.phase.padEnd(5)} ${kb(entry.raw)} ${kb(entry.gzip)} ${kb(entry.brotli)}`,
      );
    }
    const sum = (list: Loaded[], key: 'raw' | 'gzip' | 'brotli') => list.reduce((s, e) => s + e[key], 0);
    const onLoad = loaded.filter((e) => e.phase === 'load');
    console.log('');
    console.log(
      `${'total on load'.padEnd(50)} ${kb(sum(onLoad, 'raw'))} ${kb(sum(onLoad, 'gzip'))} ${kb(sum(onLoad, 'brotli'))}`,
    );
    console.log(
      `${'total after choosing a category and a place'.padEnd(50)} ${kb(sum(loaded, 'raw'))} ${kb(sum(loaded, 'gzip'))} ${kb(sum(loaded, 'brotli'))}`,
    );
    const total = sum(loaded, 'gzip') / 1024;
    console.log(
      `\nTarget (DESIGN.md): under ${BUDGET_KB} KB of compressed JavaScript → ${total.toFixed(1)} KB gzip: ${
        total < BUDGET_KB ? 'MET' : 'NOT MET'
      } (${(BUDGET_KB - total).toFixed(1)} KB to spare).`,
    );
    console.log(
      `Message catalogues are JSON assets, not JavaScript, and not counted: ${catalogues
        .map((c) => `${c.file} ${(c.gzip / 1024).toFixed(1)} KB gzip`)
        .join(', ')}.`,
    );
  } finally {
    await browser.close();
    stop();
    // Give the server a moment to let go of the data folder before removing it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
