/**
 * "Reports in your neighbourhood": public signals on a map at approximate
 * points and, beside it, as a list; counts per neighbourhood and category
 * with small numbers hidden; nothing about the reporter, no exact place.
 */
import { expectAccessible } from './support/axe.ts';
import { ZONE, logInSupervisor } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';
import { reportSignal } from './support/signals.ts';

const exact = { lon: 3.72874, lat: 51.05389 };

test('the public page lists a report without reporter data or its exact place', async ({
  page,
  playwright,
  baseURL,
}) => {
  const description = 'Graffiti met scheldwoorden op de gevel van nummer 12, gisteravond gespoten.';
  const created = await reportSignal(page.request, {
    category: 'vandalism',
    description,
    location: exact,
    reporter: { name: 'Sofie Claeys', email: 'sofie.claeys@example.org', phone: '+32 470 12 34 56' },
  });

  // The police approve a summary for the public.
  const request = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  const csrf = await logInSupervisor(request);
  const moderation = await request.put(`/api/zones/${ZONE}/staff/signals/${created.id}/moderation`, {
    headers: { 'x-csrf-token': csrf },
    data: { decision: 'approve', publicText: 'Graffiti op een gevel.' },
  });
  expect(moderation.ok()).toBe(true);
  await request.dispose();

  await page.goto(`/${ZONE}`);
  await page.getByRole('link', { name: 'Meldingen in je buurt bekijken' }).click();
  await expect(page).toHaveURL(`/${ZONE}/signals`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meldingen in je buurt');
  await expect(
    page.getByText('elk punt is het midden van een gebied met minstens 8 huishoudens'),
  ).toBeVisible();
  await expect(page.getByText('De teksten zijn samenvattingen door de politie')).toBeVisible();

  const item = page.getByRole('article').filter({ hasText: created.reference });
  await expect(item).toContainText('Vandalisme');
  await expect(item).toContainText('Graffiti op een gevel.');
  await expect(item).toContainText('Open (Nieuw)');

  const text = (await page.locator('main').textContent()) ?? '';
  for (const secret of ['Sofie', 'Claeys', 'sofie.claeys@example.org', '470 12 34 56', 'scheldwoorden'])
    expect(text).not.toContain(secret);

  // Its circle sits on the public point, not on the place reported.
  const marker = page.locator(`path.signal-marker[data-references~="${created.reference}"]`);
  await expect(marker).toHaveCount(1);
  const [lon, lat] = ((await marker.getAttribute('data-point')) ?? '').split(',').map(Number);
  expect(lon).not.toBeNaN();
  expect([lon, lat]).not.toEqual([exact.lon, exact.lat]);
  expect(Math.abs((lon ?? 0) - exact.lon) + Math.abs((lat ?? 0) - exact.lat)).toBeGreaterThan(0);
  await expect(page.locator('.leaflet-marker-icon')).toHaveCount(0);

  // A click on the circle selects the report in the list.
  await marker.dispatchEvent('click');
  await expect(page.locator(`#signal-${created.id}`)).toBeFocused();
  await expectAccessible(page);

  // Counts: small numbers are not given exactly; sensitive categories only appear here.
  const counts = page.getByRole('table');
  await expect(counts).toBeVisible();
  await expect(counts).toContainText('minder dan 3');
});

test('filters narrow the list and the counts; sensitive categories appear only as counts', async ({
  page,
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  const csrf = await logInSupervisor(request);
  // Staff record a sensitive report (residents are sent elsewhere by the form).
  const sensitive = await request.post(`/api/zones/${ZONE}/staff/signals`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      channel: 'phone',
      category: 'domestic-violence',
      description: 'Melding via telefoon, doorverwezen naar de zedenafdeling.',
      location: { lon: 3.7243, lat: 51.0512 },
      anonymous: true,
    },
  });
  expect(sensitive.status()).toBe(201);
  const { reference } = (await sensitive.json()) as { reference: string };
  await request.dispose();
  const { reference: publicReference } = await reportSignal(page.request, {
    category: 'noise',
    description: 'Luide ventilator van een restaurant draait de hele nacht.',
    location: { lon: 3.7238, lat: 51.0518 },
    anonymous: true,
  });

  await page.goto(`/${ZONE}/signals`);
  await expect(page.getByRole('heading', { name: /^Meldingen \(\d+\)$/ })).toBeVisible();
  // Never in the list or on the map…
  await expect(page.getByText(reference)).toHaveCount(0);
  await expect(page.getByRole('article').filter({ hasText: 'Intrafamiliaal' })).toHaveCount(0);
  // …but counted, per neighbourhood, as "fewer than 3".
  const row = page.getByRole('row').filter({ hasText: 'Intrafamiliaal of seksueel geweld' }).filter({
    hasText: 'Binnenstad',
  });
  await expect(row).toContainText('alleen geteld');
  await expect(row).toContainText('minder dan 3');

  await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Binnenstad' });
  const areaColumn = page.getByRole('table').locator('tbody td:first-child');
  await expect(areaColumn.filter({ hasNotText: 'Binnenstad' })).toHaveCount(0);
  await expect(areaColumn.first()).toHaveText('Binnenstad');
  const articles = page.getByRole('article');
  await expect(articles.filter({ hasText: publicReference })).toHaveCount(1);
  await expect(articles.filter({ hasNotText: 'Binnenstad' })).toHaveCount(0);

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Afgesloten door de politie' });
  await expect(articles.filter({ hasText: publicReference })).toHaveCount(0);
  await expect(articles.filter({ hasNotText: 'Afgesloten door de politie' })).toHaveCount(0);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Open' });
  await expect(articles.filter({ hasText: publicReference })).toHaveCount(1);
  await expectAccessible(page);
});

test('the public page works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/${ZONE}/signals`);
  await expect(page.getByRole('heading', { name: /^Meldingen \(\d+\)$/ })).toBeVisible();
  await expect(page.locator('path.signal-marker').first()).toBeAttached();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test('the home page leads to reporting and to the public view', async ({ page }) => {
  await page.goto(`/${ZONE}`);
  await expect(page.getByRole('link', { name: 'Een probleem melden' })).toHaveAttribute(
    'href',
    `/${ZONE}/report`,
  );
  await expect(page.locator('nav').getByRole('link', { name: 'Melden', exact: true })).toHaveAttribute(
    'href',
    `/${ZONE}/report`,
  );
  await expect(page.getByRole('region', { name: 'Meldingen in je buurt' })).toBeVisible();
  await expectAccessible(page);
});
