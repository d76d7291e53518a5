/**
 * The administrator's areas page: the table of districts and neighbourhoods,
 * boundary imports checked in a dry run and done for real with a report per
 * feature, the import history, inline edits; and who may not use it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { accounts, expectNoAccess, logIn, logInAsAdmin, ZONE } from './support/demo.ts';
import { uniqueSuffix } from './support/unique.ts';

const ghentFile = path.resolve(import.meta.dirname, '../data/geo/gent-wijken.geojson');

/** Writes a GeoJSON FeatureCollection into a new temporary folder; returns the file's path. */
function geoJsonFile(name: string, features: object[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'nabij-e2e-areas-')), name);
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}

/** A bow-tie (self-intersecting, repaired) and a point (refused), with names unique to this run. */
function problemFile(unique: string): string {
  const bowTie = [
    [3.7201, 51.0501],
    [3.7221, 51.0521],
    [3.7221, 51.0501],
    [3.7201, 51.0521],
    [3.7201, 51.0501],
  ];
  return geoJsonFile(`problems-${unique}.geojson`, [
    {
      type: 'Feature',
      properties: { name: `Vlinder ${unique}`, code: `e2e-vlinder-${unique}`, population: 120 },
      geometry: { type: 'Polygon', coordinates: [bowTie] },
    },
    {
      type: 'Feature',
      properties: { name: `Punt ${unique}`, code: `e2e-punt-${unique}` },
      geometry: { type: 'Point', coordinates: [3.72, 51.05] },
    },
  ]);
}

test('an administrator checks the Ghent neighbourhoods file in a dry run that saves nothing', async ({
  page,
}) => {
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/areas`);
  await expect(page.getByRole('heading', { level: 1, name: 'Gebieden' })).toBeVisible();
  const areas = page.getByRole('region', { name: 'Gebieden van de zone' });
  await expect(areas.getByRole('rowheader', { name: 'Binnenstad' })).toBeVisible();
  await expect(areas.getByRole('row', { name: /Totaal van de 25 wijken/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Bestand met grenzen').setInputFiles(ghentFile);
  await expect(page.getByText(/gent-wijken\.geojson \(.+\) is klaar/)).toBeVisible();
  await expect(page.getByText(/GeoJSON met 25 objecten/)).toBeVisible();
  await page.getByRole('button', { name: 'Controleren (proefrun)' }).click();

  const report = page.locator('section.report');
  await expect(
    report.getByRole('heading', { name: 'Controleverslag (proefrun): gent-wijken.geojson' }),
  ).toBeFocused();
  await expect(report).toContainText('Dit was een controle: er is niets opgeslagen.');
  const rows = report.getByRole('region', { name: /Verslag per object/ }).locator('tbody tr');
  await expect(rows).toHaveCount(25);
  const binnenstad = rows.filter({ has: page.getByRole('rowheader', { name: 'Binnenstad' }) });
  await expect(binnenstad).toContainText('binnenstad');
  await expect(binnenstad).toContainText('Werkt het gebied met deze code bij');
  await expect(report).toContainText('25 bruikbaar na herstelling');
  await expectAccessible(page);

  // Checked as districts, the same file would turn the 25 neighbourhoods into districts: the report warns.
  await page.getByLabel('Importeren als').selectOption('district');
  await page.getByRole('button', { name: 'Controleren (proefrun)' }).click();
  await expect(
    report.getByText(/bij 25 bestaande gebieden met dezelfde code zou de soort veranderen in “Wijkpost”/),
  ).toBeVisible();
  await expect(binnenstad).toContainText('verandert de soort: Wijk → Wijkpost');

  // Nothing was written: the history still holds only the demo's own import.
  const history = page.getByRole('region', { name: 'Vorige imports' });
  await expect(history.getByRole('rowheader', { name: 'gent-wijken.geojson' })).toHaveCount(1);
});

test('a bow-tie is repaired, a point refused, and the usable feature imported, listed and editable', async ({
  page,
}) => {
  const unique = uniqueSuffix();
  const file = problemFile(unique);
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/areas`);

  await page.getByLabel('Bestand met grenzen').setInputFiles(file);
  await page.getByLabel('Importeren als').selectOption('district');
  await page.getByRole('button', { name: 'Controleren (proefrun)' }).click();
  const report = page.locator('section.report');
  const rows = report.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const bowTie = rows.filter({ hasText: `Vlinder ${unique}` });
  await expect(bowTie).toContainText('Wordt hersteld');
  await expect(bowTie).toContainText('De grens kruiste zichzelf');
  await expect(bowTie).toContainText('Wordt nieuw');
  const point = rows.filter({ hasText: `Punt ${unique}` });
  await expect(point).toContainText('Geweigerd');
  await expect(point).toContainText('Geen gebied: de geometrie is een punt');

  await report.getByLabel('Tonen').selectOption('refused');
  await expect(rows).toHaveCount(1);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(
    report.getByRole('heading', { name: `Importverslag: problems-${unique}.geojson` }),
  ).toBeVisible();
  await report.getByLabel('Tonen').selectOption('all');
  await expect(rows.filter({ hasText: `Vlinder ${unique}` })).toContainText('Nieuw gebied');
  await expect(page.getByRole('status').filter({ hasText: 'gebieden opgeslagen' })).toContainText(
    '1 gebieden opgeslagen, 1 geweigerd',
  );

  // The import is in the history, with its report behind a button.
  const history = page.getByRole('region', { name: 'Vorige imports' });
  const entry = history.getByRole('row', { name: new RegExp(`problems-${unique}`) });
  await expect(entry).toBeVisible();
  await entry.getByRole('button', { name: /Verslag tonen/ }).click();
  await expect(history.getByText('De grens kruiste zichzelf').first()).toBeVisible();

  // The new district is in the table; correct its population and Dutch name inline.
  const table = page.getByRole('region', { name: 'Gebieden van de zone' });
  await page.getByLabel('Filteren op naam of code').fill(unique);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await table.getByRole('button', { name: new RegExp(`Bewerken\\W+Vlinder ${unique}`) }).click();
  await expect(page.getByLabel('Nederlands', { exact: true })).toBeFocused();
  await page.getByLabel('Nederlands', { exact: true }).fill(`Testpost ${unique}`);
  await page.getByLabel('Inwoners', { exact: true }).fill('-4');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Vul een geheel getal van 0 of meer in')).toBeVisible();
  await expect(page.getByLabel('Inwoners', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Inwoners', { exact: true }).fill('2500');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Testpost ${unique} opgeslagen.` })).toBeVisible();
  const row = table.getByRole('row', { name: new RegExp(`Testpost ${unique}`) });
  await expect(row).toContainText('2.500');
  await expect(
    table.getByRole('button', { name: new RegExp(`Bewerken\\W+Testpost ${unique}`) }),
  ).toBeFocused();
});

test('a TopoJSON layer is chosen and filtered to one municipality', async ({ page }) => {
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/areas`);
  await page
    .getByLabel('Bestand met grenzen')
    .setInputFiles(path.resolve(import.meta.dirname, '../data/geo/belgium-municipalities.topo.json'));
  await expect(page.getByText(/TopoJSON met 581 objecten/)).toBeVisible();
  const layer = page.getByLabel('TopoJSON-object om te importeren');
  await expect(layer.locator('option')).toHaveText(['municipalities', 'arrondissements', 'provinces']);
  await layer.selectOption('municipalities');
  await page.getByText('Namen van eigenschappen en filter (optioneel)').click();
  await page.getByLabel('Eigenschap', { exact: true }).fill('nis');
  await page.getByLabel('Is gelijk aan een van').fill('44021');
  await page.getByLabel('Importeren als').selectOption('district');
  await page.getByRole('button', { name: 'Controleren (proefrun)' }).click();
  const report = page.locator('section.report');
  await expect(report).toContainText('Formaat: TopoJSON, coördinaten: EPSG:4326.');
  await expect(report).toContainText('580 weggelaten door de filter');
  const rows = report.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Gent');
  await expect(rows.first()).toContainText('44021');
  await expectAccessible(page);
});

test('a file with nothing usable is refused with the reason per feature', async ({ page }) => {
  const file = geoJsonFile('points.geojson', [
    {
      type: 'Feature',
      properties: { name: 'Alleen een punt' },
      geometry: { type: 'Point', coordinates: [3.72, 51.05] },
    },
  ]);
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/areas`);
  await page.getByLabel('Bestand met grenzen').setInputFiles(file);
  await page.getByRole('button', { name: 'Controleren (proefrun)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Alleen een punt' })).toContainText(
    'Geen gebied: de geometrie is een punt',
  );
});

test('a file that is not JSON gets the server’s explanation', async ({ page }) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'nabij-e2e-areas-'));
  const file = path.join(folder, 'broken.geojson');
  writeFileSync(file, '{"type": "FeatureCollection", "features": [');
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/areas`);
  await page.getByLabel('Bestand met grenzen').setInputFiles(file);
  await expect(page.getByText('Dit bestand is geen geldige JSON.')).toBeVisible();
  await page.getByRole('button', { name: 'Controleren (proefrun)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
  await expect(page.locator('section.report')).toHaveCount(0);
});

test('an officer has no access to the areas page; a visitor is asked to log in', async ({ page }) => {
  await page.goto(`/${ZONE}/admin/areas`);
  await expect(page.getByText('Meld je aan om deze pagina te zien.')).toBeVisible();
  await expect(page.locator('main a.button')).toHaveAttribute(
    'href',
    `/login?next=${encodeURIComponent(`/${ZONE}/admin/areas`)}`,
  );

  await logIn(page, accounts.officer);
  await page.goto(`/${ZONE}/admin/areas`);
  await expectNoAccess(page);
  await expect(page.getByLabel('Bestand met grenzen')).toHaveCount(0);
  await expectAccessible(page);
});
