/**
 * The analyst's pages on the demo zone's generated incidents: runs each method on a choice of
 * incidents, finds the planted patterns (the Dampoort drugs hotspot, the near-repeat burglary,
 * burglary's early-evening peak), sees every result saved as a snapshot with its limits and
 * the "generated" mark, and each page passes axe. Officers read analyses but cannot run them.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { accounts, logIn, ZONE } from './support/demo.ts';

/** The demo's incidents are generated in the background after the first start: wait for them. */
async function waitForDemoIncidents(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`/api/zones/${ZONE}/incidents/overview`);
        return response.ok() ? ((await response.json()) as { generated: number }).generated : 0;
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBeGreaterThan(15_000);
}

async function openAnalysis(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Analyse' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Criminaliteitsanalyse' })).toBeVisible();
}

/** Fills the form, runs it and waits for the saved snapshot's result. */
async function runAnalysis(
  page: Page,
  method: RegExp,
  crimeType: string,
  parameters: Record<string, string> = {},
): Promise<void> {
  await page.getByRole('checkbox', { name: new RegExp(`^${crimeType}`) }).check();
  await page.getByRole('radio', { name: method }).check();
  if (Object.keys(parameters).length > 0) {
    await page.getByText('Parameters (optioneel)').click();
    for (const [label, value] of Object.entries(parameters)) await page.getByLabel(label).fill(value);
  }
  await page.getByRole('button', { name: 'Analyse uitvoeren en bewaren' }).click();
  await expect(page).toHaveURL(new RegExp(`/${ZONE}/analysis/snapshots/[0-9a-f-]{36}$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Resultaat' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('note').filter({ hasText: 'Gegenereerde demogegevens.' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Wat deze analyse wel en niet zegt' }),
  ).toBeVisible();
}

test.describe.configure({ timeout: 150_000 });

test('the analyst finds the near-repeat burglary pattern and the saved analysis lists it', async ({
  page,
}) => {
  await logIn(page, accounts.analyst);
  await waitForDemoIncidents(page);
  await openAnalysis(page);
  await expect(page.getByRole('note').filter({ hasText: 'verzonnen voor de demo' })).toBeVisible();
  await expectAccessible(page);

  await runAnalysis(page, /Near repeats/, 'Burglary', { Permutaties: '19' });
  const table = page.getByRole('table', { name: /Knox-ratio's/ });
  await expect(table).toBeVisible();
  const nearRow = table.getByRole('row').nth(2); // header, same location, then (0, 100) m
  await expect(nearRow.getByRole('rowheader')).toHaveText('(0, 100) m');
  await expect(nearRow.getByRole('cell').first()).toContainText('*');
  await expect(page.getByText('Permutaties: 19')).toBeVisible();
  await expect(page.getByText(/niet dat het om dezelfde daders gaat/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Alle analyses' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Bewaarde analyses' })
      .getByRole('row')
      .filter({ hasText: 'Near repeats' })
      .first(),
  ).toBeVisible();
});

test('hotspot map and Gi* cells show the planted drugs hotspot by Dampoort station', async ({ page }) => {
  await logIn(page, accounts.analyst);
  await waitForDemoIncidents(page);
  await openAnalysis(page);
  await runAnalysis(page, /Hotspotkaart/, 'Drugs');
  await expect(page.getByRole('region', { name: 'Kaart van de dichtheid van feiten' })).toBeVisible();
  await expect(page.locator('.leaflet-image-layer')).toHaveCount(1);
  const firstPeak = page
    .getByRole('table', { name: /Hoogste dichtheden/ })
    .getByRole('row')
    .nth(1);
  // Dampoort station: 51.0563, 3.7405 (Dutch number format: comma decimals).
  await expect(firstPeak).toContainText(/51,05\d+, 3,7[34]\d+/);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Alle analyses' }).click();
  await runAnalysis(page, /Hot en cold spots/, 'Drugs');
  await expect(page.getByRole('region', { name: 'Kaart van significante hot en cold spots' })).toBeVisible();
  await expect(page.locator('.leaflet-overlay-pane path.leaflet-interactive').first()).toBeAttached();
  await expect(page.locator('.leaflet-image-layer')).toHaveCount(1); // the density surface under the cells
  await expect(page.getByText(/het kerndichtheidsoppervlak van dezelfde feiten/)).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Sterkste hot en cold spots' }).getByRole('row').nth(1),
  ).toContainText('hot spot');
  await expectAccessible(page);
});

test('hour of week, concentration and trend read as tables and charts', async ({ page }) => {
  await logIn(page, accounts.analyst);
  await waitForDemoIncidents(page);
  await openAnalysis(page);
  await runAnalysis(page, /Uur van de week/, 'Burglary');
  await expect(page.getByRole('table', { name: /Feiten per uur van de week/ })).toBeVisible();
  await expect(
    page.getByText(/Drukste uur: (maandag|dinsdag|woensdag|donderdag|vrijdag) vanaf 1[6-9]:00/),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Alle analyses' }).click();
  await page.getByRole('checkbox', { name: /^Burglary/ }).check();
  await page.getByRole('radio', { name: /Concentratie/ }).check();
  await page.getByText('Parameters (optioneel)').click();
  await page.getByLabel('Plaatsen', { exact: true }).selectOption('area');
  await page.getByRole('button', { name: 'Analyse uitvoeren en bewaren' }).click();
  await expect(page.getByRole('img', { name: /Lorenzcurve/ })).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByRole('table', { name: 'Plaatsen met de meeste feiten' }).getByRole('row'),
  ).toHaveCount(11);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Alle analyses' }).click();
  await runAnalysis(page, /Trend en alarmen/, 'Burglary');
  await expect(page.getByRole('img', { name: /Aantallen in de tijd/ })).toBeVisible();
  await expect(page.getByText(/^\d+ weken;/)).toBeVisible();
  await expectAccessible(page);
});

test('an officer reads saved analyses but cannot run one; a visitor is asked to log in', async ({ page }) => {
  await page.goto(`/${ZONE}/analysis`);
  await expect(page.getByRole('link', { name: /Aanmelden/ }).last()).toBeVisible();
  await logIn(page, accounts.officer);
  await page.goto(`/${ZONE}/analysis`);
  await expect(page.getByRole('heading', { level: 1, name: 'Criminaliteitsanalyse' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Bewaarde analyses' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Analyse uitvoeren en bewaren' })).toHaveCount(0);
  await expectAccessible(page);
});
