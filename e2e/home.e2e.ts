/** The zone's start page: map, neighbourhood list by district, languages. */
import { expectAccessible } from './support/axe.ts';
import { ZONE } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test('shows the neighbourhoods by district, with population, and passes axe', async ({ page }) => {
  await page.goto(`/${ZONE}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wijken van Politiezone Gent (demo)');
  await expect(page.getByRole('heading', { name: 'Alle wijken (25)' })).toBeVisible();
  const centrum = page.getByRole('region', { name: 'Wijkpost Centrum' });
  await expect(centrum.getByRole('heading', { level: 3 })).toContainText('23.626 inwoners');
  await expect(centrum.getByRole('listitem')).toHaveCount(7);
  await expect(centrum.getByRole('listitem').filter({ hasText: 'Binnenstad' })).toContainText(
    '4.464 inwoners',
  );
  await expect(page.getByRole('region', { name: 'Kaart van de wijken' })).toBeVisible();
  await expect(page.locator('.leaflet-interactive')).toHaveCount(25);
  await expect(page.getByRole('button', { name: 'Inzoomen' })).toBeVisible();
  await expect(page).toHaveTitle(/Wijken van Politiezone Gent/);
  await expectAccessible(page);
});

test('clicking a neighbourhood on the map shows its figures and the way to its officer', async ({ page }) => {
  await page.goto(`/${ZONE}`);
  const map = page.getByRole('region', { name: 'Kaart van de wijken' });
  await expect(page.locator('.leaflet-interactive').first()).toBeVisible();
  // The map opens centred on the zone's extent, whose centre lies in Wondelgem.
  await map.click();
  const details = page.locator('.details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Wondelgem');
  await expect(details).toContainText('15.413');
  await expect(details).toContainText('Wijkpost Noord');
  await details.getByRole('link', { name: 'Wijkinspecteur van Wondelgem' }).click();
  await expect(page).toHaveURL(/\/gent\/officer\?area=/);
  await expect(page.getByRole('heading', { name: 'Wijk: Wondelgem' })).toBeVisible();
  await expect(page.locator('.officer-answer').getByText('Tom Janssens', { exact: true })).toBeVisible();
});

test('the list works with the keyboard alone', async ({ page }) => {
  await page.goto(`/${ZONE}`);
  const button = page.getByRole('button', { name: 'Drongen', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.details').getByRole('heading', { level: 2 })).toHaveText('Drongen');
  await expect(button).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('.details')).toContainText('42.818');
  await expectAccessible(page);
});

test('switching the language changes the texts and the document language', async ({ page }) => {
  await page.goto(`/${ZONE}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Les quartiers de Politiezone Gent (demo)',
  );
  await expect(page.getByRole('region', { name: 'Poste de quartier Centre' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zoom avant' })).toBeVisible();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { name: /Alle Viertel/ })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'My neighbourhood officer', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'City Centre district' })).toBeVisible();
  await expectAccessible(page);
  // The choice is remembered.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/${ZONE}`);
  await expect(page.getByRole('heading', { name: 'Alle wijken (25)' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test('an unknown zone shows the not-found page', async ({ page }) => {
  await page.goto('/nergens');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  await expectAccessible(page);
});
