/**
 * Open311 API keys: the administrator issues a key (shown once, with a copy
 * button and a warning), and revokes it after confirming. The key works on
 * the GeoReport endpoint until it is revoked.
 */
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { logInAsAdmin, ZONE } from './support/demo.ts';

test('an administrator issues an Open311 key, copies it once and revokes it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = `Stadsapp ${Date.now().toString(36)}`;
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin`);
  await page.getByRole('link', { name: 'Open311-sleutels' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Open311-sleutels' })).toBeFocused();
  await expect(page.getByText('/open311/v2/')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Sleutel uitgeven' }).click();
  await expect(page.getByLabel('Naam van de app')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Naam van de app').fill(name);
  await page.getByRole('button', { name: 'Sleutel uitgeven' }).click();

  const issued = page.getByRole('group', { name: `De sleutel van "${name}"` });
  await expect(issued.getByRole('heading', { name: `De sleutel van "${name}"` })).toBeFocused();
  await expect(issued).toContainText('Hij wordt alleen nu getoond');
  const key = ((await issued.locator('#issued-key').textContent()) ?? '').trim();
  expect(key.length).toBeGreaterThanOrEqual(16);
  await issued.getByRole('button', { name: 'Sleutel kopiëren' }).click();
  await expect(issued.getByRole('status')).toHaveText('De sleutel is gekopieerd.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expectAccessible(page);
  await issued.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();
  await expect(issued).toHaveCount(0);
  await expect(page.getByLabel('Naam van de app')).toBeFocused();

  const table = page.getByRole('region', { name: 'Open311-apps en hun sleutels' });
  const row = table.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(`…${key.slice(-4)}`);
  await expect(row).toContainText('Actief');
  // The key is nowhere on the page any more.
  await expect(page.getByText(key)).toHaveCount(0);

  // Revoking asks first; cancelling changes nothing.
  await row.getByRole('button', { name: new RegExp(`^Sleutel intrekken\\s?: ${name}$`) }).click();
  await expect(page.getByText(`De sleutel van "${name}" intrekken?`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ja, sleutel intrekken' })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(
    row.getByRole('button', { name: new RegExp(`^Sleutel intrekken\\s?: ${name}$`) }),
  ).toBeFocused();
  await row.getByRole('button', { name: new RegExp(`^Sleutel intrekken\\s?: ${name}$`) }).click();
  await page.getByRole('button', { name: 'Ja, sleutel intrekken' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `De sleutel van "${name}" is ingetrokken.` }),
  ).toBeVisible();
  await expect(row).toContainText('Ingetrokken op');
  await expect(row.getByRole('button', { name: /Sleutel intrekken/ })).toHaveCount(0);
});
