/**
 * The analyst's incident import: a police.uk file generated here (rows in
 * Ghent, one in Brussels outside every neighbourhood, one with an impossible
 * month) is sent, followed and reported by line; a Belgian export with its
 * own columns, Lambert 72 coordinates and dd/mm/yyyy dates is mapped by hand,
 * first refused as a whole ("all or nothing") for one bad date, then imported
 * once corrected; an officer gets no import form.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { accounts, expectNoAccess, logIn, ZONE } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';
import { uniqueSuffix } from './support/unique.ts';

/** Writes a CSV file into a new temporary folder; returns its path. */
function csvFile(name: string, lines: string[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'nabij-e2e-incidents-')), name);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

const POLICE_UK_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** The counts of a finished import, in the order the page lists them. */
function counts(inserted: number, outside: number, bad: number): string[] {
  return [
    `${inserted} nieuw`,
    '0 bijgewerkt',
    '0 ongewijzigd (al geïmporteerd)',
    `${outside} buiten elke wijk (bewaard)`,
    `${bad} foute rijen (overgeslagen)`,
  ];
}

async function openImportPage(page: Page): Promise<void> {
  await page.goto(`/${ZONE}/analysis/import`);
  await expect(page.getByRole('heading', { level: 1, name: 'Feiten importeren' })).toBeVisible();
}

test('an analyst imports a police.uk file and reads what became of every row', async ({ page }) => {
  test.setTimeout(90_000);
  const tag = uniqueSuffix();
  const fileName = `gent-${tag}.csv`;
  const file = csvFile(fileName, [
    POLICE_UK_HEADER,
    `e2e-${tag}-1,2024-03,Politie Gent,Politie Gent,3.7250,51.0540,Korenmarkt,,,Burglary,Under investigation,`,
    `e2e-${tag}-2,2024-03,Politie Gent,Politie Gent,3.7180,51.0560,Vrijdagmarkt,,,Vehicle crime,,`,
    `e2e-${tag}-3,2024-04,Politie Gent,Politie Gent,4.3517,50.8467,"Grote Markt, Brussel",,,Burglary,,`,
    `e2e-${tag}-4,2024-13,Politie Gent,Politie Gent,3.7200,51.0500,Veldstraat,,,Burglary,,`,
  ]);

  await logIn(page, accounts.analyst);
  await openImportPage(page);
  await expect(page.getByRole('link', { name: 'Terug naar de analyses' })).toHaveAttribute(
    'href',
    `/${ZONE}/analysis`,
  );
  await expectAccessible(page);

  await page.getByLabel('CSV-bestand met feiten').setInputFiles(file);
  await expect(page.getByText('Dit lijkt een straatniveaubestand van police.uk.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'police.uk-CSV (straatniveau)' })).toBeChecked();
  await page.getByRole('button', { name: 'Import starten' }).click();

  const result = page.getByRole('region', { name: `Import van ${fileName}` });
  await expect(result.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(result.getByText(/^Klaar op /)).toBeVisible({ timeout: 30_000 });
  await expect(result.getByRole('listitem')).toHaveText(counts(3, 1, 1));
  await expect(page.getByRole('status').filter({ hasText: 'Import klaar' })).toHaveText(
    'Import klaar: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 buiten elke wijk, 1 foute rijen.',
  );
  const badRows = result.getByRole('region', { name: `Foute rijen van ${fileName}` });
  await expect(badRows.locator('tbody tr')).toHaveCount(1);
  await expect(badRows.locator('tbody tr')).toHaveText(
    /^\s*5\s*Datum “2024-13” past niet bij het formaat yyyy-mm\s*$/,
  );
  await expect(result.getByRole('link', { name: 'Naar de analyses' })).toHaveAttribute(
    'href',
    `/${ZONE}/analysis`,
  );

  const history = page.getByRole('region', { name: 'Imports van feiten' });
  const row = history.getByRole('row', { name: new RegExp(fileName) });
  await expect(row).toContainText('police.uk-CSV (straatniveau)');
  await expect(row).toContainText('Klaar');
  await expectAccessible(page);
});

test('an analyst maps the columns of a Lambert 72 export; "all or nothing" refuses a file with a bad date', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const tag = uniqueSuffix();
  const header = 'PV-nummer;Datum;Uur;Omschrijving feit;X;Y;Straat';
  const rows = [
    `PV-${tag}-1;14/03/2024;22:15;Woninginbraak;104500;194000;Korenmarkt`,
    `PV-${tag}-2;15/03/2024;08:30;Fietsdiefstal;104863;193955;Veldstraat`,
  ];
  const badName = `lambert-fout-${tag}.csv`;
  const goodName = `lambert-${tag}.csv`;
  const badFile = csvFile(badName, [
    header,
    ...rows,
    `PV-${tag}-3;31/02/2024;10:00;Woninginbraak;104600;194100;Kouter`,
  ]);
  const goodFile = csvFile(goodName, [header, ...rows]);

  await logIn(page, accounts.analyst);
  await openImportPage(page);

  async function mapColumns() {
    await expect(page.getByRole('radio', { name: 'Andere CSV' })).toBeChecked();
    await page.getByLabel('Kolom met de datum').selectOption('Datum');
    await expect(page.getByText('Voorbeeld: 14/03/2024')).toBeVisible();
    await page.getByLabel('Datumformaat').selectOption('dd/mm/yyyy');
    await page.getByLabel('Kolom met het uur (optioneel)').selectOption('Uur');
    await page.getByLabel('Kolom met X of lengtegraad').selectOption('X');
    await page.getByLabel('Kolom met Y of breedtegraad').selectOption('Y');
    await page.getByLabel('Coördinatenstelsel').selectOption('EPSG:31370');
    await page.getByLabel('Kolom met de categorie').selectOption('Omschrijving feit');
    await page.getByLabel('Kolom met het id, bv. pv-nummer (optioneel)').selectOption('PV-nummer');
    await page.getByLabel('Kolom met de plaats (optioneel)').selectOption('Straat');
  }

  // A file with one impossible date, all or nothing: nothing is imported, the line is named.
  await page.getByLabel('CSV-bestand met feiten').setInputFiles(badFile);
  await expect(
    page.getByText('7 kolommen: PV-nummer, Datum, Uur, Omschrijving feit, X, Y, Straat.'),
  ).toBeVisible();
  await mapColumns();
  await page.getByLabel('Alles of niets').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Import starten' }).click();
  const refused = page.getByRole('region', { name: `Import van ${badName}` });
  await expect(refused.getByText('Er is niets geïmporteerd.')).toBeVisible({ timeout: 30_000 });
  await expect(refused.getByText(/1 van de 3 rijen zijn fout en je koos voor alles of niets/)).toBeVisible();
  const badRows = refused.getByRole('region', { name: `Foute rijen van ${badName}` });
  await expect(badRows.locator('tbody tr')).toHaveText(
    /^\s*4\s*Datum “31\/02\/2024” past niet bij het formaat dd\/mm\/yyyy\s*$/,
  );
  await expect(
    page.getByRole('region', { name: 'Imports van feiten' }).getByRole('row', { name: new RegExp(badName) }),
  ).toContainText('Niets geïmporteerd (alles of niets)');

  // The corrected file: both rows land in Ghent's neighbourhoods (Lambert 72 converted).
  await page.getByLabel('CSV-bestand met feiten').setInputFiles(goodFile);
  await mapColumns();
  await page.getByLabel('Alles of niets').uncheck();
  await page.getByRole('button', { name: 'Import starten' }).click();
  const result = page.getByRole('region', { name: `Import van ${goodName}` });
  await expect(result.getByText(/^Klaar op /)).toBeVisible({ timeout: 30_000 });
  await expect(result.getByRole('listitem')).toHaveText(counts(2, 0, 0));
  await expect(result.getByRole('region', { name: /Foute rijen/ })).toHaveCount(0);
});

test('an officer gets no import form', async ({ page }) => {
  await logIn(page, accounts.officer);
  await openImportPage(page);
  await expectNoAccess(page);
  await expect(page.getByLabel('CSV-bestand met feiten')).toHaveCount(0);
  await expectAccessible(page);
});
