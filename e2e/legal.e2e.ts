/** The zone's privacy notice and terms of use, as plain text in the current language. */
import { expectAccessible } from './support/axe.ts';
import { ZONE } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test('the privacy notice is shown in the current language', async ({ page }) => {
  await page.goto(`/${ZONE}/privacy`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacyverklaring');
  await expect(page.locator('.legal-text')).toContainText('Dit is een demonstratie.');
  await expect(page).toHaveTitle(/Privacyverklaring/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datenschutzerklärung');
  await expect(page.locator('.legal-text')).toContainText('Dies ist eine Demonstration.');
});

test('the terms of use are reached from the footer', async ({ page }) => {
  await page.goto(`/${ZONE}`);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Gebruiksvoorwaarden' }).click();
  await expect(page).toHaveURL(`/${ZONE}/terms`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruiksvoorwaarden');
  await expect(page.locator('.legal-text')).toContainText('Nabij is geen noodnummer.');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expectAccessible(page);
});
