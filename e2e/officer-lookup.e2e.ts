/** "Who is my neighbourhood officer?": map, location, address, and the searchable list. */
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { ZONE } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

const answer = (page: Page) => page.locator('.officer-answer');
const status = (page: Page) => page.locator('p[role="status"].visually-hidden');

/** Opens the lookup with the device at a position and answers with "use my location". */
async function useMyLocation(page: Page, longitude: number, latitude: number): Promise<void> {
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation({ longitude, latitude });
  await page.goto(`/${ZONE}/officer`);
  await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
}

test('loads with the list of all neighbourhoods and passes axe', async ({ page }) => {
  await page.goto(`/${ZONE}/officer`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie is mijn wijkinspecteur?');
  await expect(page.getByText('25 wijken')).toBeVisible();
  await expect(page.locator('#directory-list > li')).toHaveCount(25);
  await expect(page.getByRole('button', { name: /^Binnenstad Sarah De Smet$/ })).toBeVisible();
  await expect(page.locator('.leaflet-interactive')).toHaveCount(25);
  await expectAccessible(page);
});

test('a click on the map answers with the neighbourhood and its officer', async ({ page }) => {
  await page.goto(`/${ZONE}/officer`);
  await expect(page.locator('.leaflet-interactive').first()).toBeVisible();
  await page.getByRole('region', { name: /^Kaart: klik/ }).click();
  await expect(answer(page).getByRole('heading', { level: 2 })).toHaveText('Wijk: Wondelgem');
  await expect(answer(page)).toContainText('Tom Janssens');
  await expect(answer(page)).toContainText('Wijkinspecteur');
  await expect(answer(page).getByRole('link', { name: '+32 9 000 10 06' })).toHaveAttribute(
    'href',
    'tel:+3290001006',
  );
  await expect(answer(page).getByRole('link', { name: /@demo\.nabij\.example$/ })).toHaveAttribute(
    'href',
    /^mailto:/,
  );
  await expect(status(page)).toHaveText('Wondelgem: je wijkinspecteur is Tom Janssens.');
  await expect(page).toHaveURL(/\?area=[0-9a-f-]{36}$/);
  await expectAccessible(page);
});

test('the centre of the map can be chosen with the keyboard', async ({ page }) => {
  await page.goto(`/${ZONE}/officer`);
  await page.getByRole('button', { name: 'Zoek het midden van de kaart op' }).press('Enter');
  await expect(answer(page).getByRole('heading', { level: 2 })).toHaveText('Wijk: Wondelgem');
});

test('the list search finds a neighbourhood; an absent officer shows the deputy', async ({ page }) => {
  await page.goto(`/${ZONE}/officer`);
  await page.getByLabel('Zoek een wijk of inspecteur').fill('stationsbuurt noord');
  await expect(page.getByText('1 van 25 wijken')).toBeVisible();
  const entry = page.getByRole('button', { name: /^Stationsbuurt Noord/ });
  await expect(entry).toContainText('Lotte Vermeulen (vervangt Karim El Amrani)');
  await entry.click();
  await expect(answer(page).getByRole('heading', { level: 2 })).toHaveText('Wijk: Stationsbuurt Noord');
  await expect(answer(page).getByRole('heading', { level: 2 })).toBeFocused();
  await expect(answer(page)).toContainText(
    'Karim El Amrani, de vaste wijkinspecteur, is momenteel afwezig. Lotte Vermeulen vervangt.',
  );
  await expect(answer(page).locator('.officer-name')).toHaveText('Lotte Vermeulen');
  await expect(status(page)).toHaveText(
    'Stationsbuurt Noord: Karim El Amrani is afwezig; Lotte Vermeulen vervangt.',
  );
  await expectAccessible(page);
});

test('searching by officer and without accents works; no match says so', async ({ page }) => {
  await page.goto(`/${ZONE}/officer`);
  const filter = page.getByLabel('Zoek een wijk of inspecteur');
  await filter.fill('sarah');
  await expect(page.locator('#directory-list > li')).toHaveCount(1);
  await filter.fill('Elisabethbégijnhof');
  await expect(page.locator('#directory-list > li')).toHaveCount(1);
  await filter.fill('atlantis');
  await expect(page.getByText('Geen wijk of inspecteur gevonden', { exact: false })).toBeVisible();
  await expect(page.getByText('0 van 25 wijken')).toBeVisible();
});

test('a neighbourhood without officer shows how to reach the zone', async ({ page }) => {
  await page.goto(`/${ZONE}/officer`);
  await page.getByLabel('Zoek een wijk of inspecteur').fill('Drongen');
  await page.getByRole('button', { name: /^Drongen/ }).click();
  await expect(answer(page).getByRole('heading', { level: 2 })).toHaveText('Wijk: Drongen');
  await expect(answer(page)).toContainText('Drongen heeft momenteel geen beschikbare wijkinspecteur.');
  await expect(answer(page).getByRole('link', { name: '+32 9 000 00 00' })).toHaveAttribute(
    'href',
    'tel:+3290000000',
  );
  await expect(answer(page).getByRole('link', { name: 'contact@demo.nabij.example' })).toBeVisible();
  await expect(answer(page)).toContainText('Demostraat 1, 9000 Gent');
  await expect(answer(page)).toContainText('Ma–vr 8–20 u');
  await expectAccessible(page);
});

test('?area= preselects a neighbourhood', async ({ page, request }) => {
  const list = (await (await request.get(`/api/zones/${ZONE}/neighbourhood-officers`)).json()) as {
    area: { id: string; code: string };
  }[];
  const binnenstad = list.find((e) => e.area.code === 'binnenstad');
  await page.goto(`/${ZONE}/officer?area=${binnenstad?.area.id}`);
  await expect(answer(page).getByRole('heading', { level: 2 })).toHaveText('Wijk: Binnenstad');
  await expect(answer(page).locator('.officer-name')).toHaveText('Sarah De Smet');
});

test('"use my location" answers for the device position', async ({ page }) => {
  await useMyLocation(page, 3.7245, 51.05);
  await expect(answer(page).getByRole('heading', { level: 2 })).toHaveText('Wijk: Binnenstad');
});

test('a position outside the zone shows the zone contact', async ({ page }) => {
  await useMyLocation(page, 4.35, 50.85);
  await expect(answer(page).getByRole('heading', { level: 2 })).toHaveText('Buiten de zone');
  await expect(answer(page)).toContainText('Deze plek ligt in geen enkele wijk van Politiezone Gent (demo).');
  await expect(answer(page).getByRole('link', { name: '+32 9 000 00 00' })).toBeVisible();
  await expect(page).not.toHaveURL(/area=/);
});

test('a refused location is explained', async ({ page, context }) => {
  await context.clearPermissions();
  await page.goto(`/${ZONE}/officer`);
  await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
  await expect(page.locator('#locate-status')).toContainText(
    'Je hebt deze site geen toegang tot je locatie gegeven.',
  );
  await expectAccessible(page);
});

test("finds the officer by address from the zone's address list", async ({ page }) => {
  await page.goto(`/${ZONE}/officer`);
  await page.getByLabel('Je adres').fill('Korenm');
  await expect(page.getByText('Gevonden adressen: 1.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Korenmarkt 1, 9000 Gent' }).click();
  await expect(answer(page).getByRole('heading', { level: 2 })).toHaveText('Wijk: Binnenstad');
  await expect(answer(page)).toContainText('Sarah De Smet');
  await expectAccessible(page);
});

test('works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/${ZONE}/officer`);
  await page.getByLabel('Zoek een wijk of inspecteur').fill('Stationsbuurt Zuid');
  await page.getByRole('button', { name: /^Stationsbuurt Zuid/ }).click();
  await expect(answer(page)).toBeInViewport();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
