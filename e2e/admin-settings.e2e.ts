/**
 * The zone settings page: contact, opening hours, the contrast warning on the
 * branding colours, saving (the header follows at once); and a
 * data-protection officer who may not change settings.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { accounts, expectNoAccess, logIn, logInAsAdmin, ZONE } from './support/demo.ts';
import { uniqueSuffix } from './support/unique.ts';

test('an administrator changes the zone name and opening hours, sees the contrast warning, and the header follows', async ({
  page,
}) => {
  const unique = uniqueSuffix();
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen van de zone' })).toBeVisible();
  const name = page.getByLabel('Naam van de zone');
  await expect(name).not.toHaveValue('');
  const originalName = await name.inputValue();
  await expectAccessible(page);

  // A light primary colour: white text on it would be unreadable.
  const primaryHex = page.getByLabel('Hoofdkleur als hexadecimale code');
  const originalPrimary = await primaryHex.inputValue();
  await primaryHex.fill('#ffd54f');
  await expect(
    page.getByText(/Witte tekst op deze kleur heeft een contrast van 1,\d:1, minder dan de 4,5:1/),
  ).toBeVisible();
  await primaryHex.fill(originalPrimary);
  await expect(
    page.getByText(/Witte tekst op deze kleur: contrast \d+,\d:1 \(voldoet aan WCAG AA\)/).first(),
  ).toBeVisible();

  // Invalid e-mail is caught before sending.
  const email = page.getByLabel('E-mail', { exact: true });
  const originalEmail = await email.inputValue();
  await email.fill('not an address');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill(originalEmail);

  const hours = page.getByRole('group', { name: 'Openingsuren' }).getByLabel('English');
  await hours.fill(`Monday to Friday 8:00–17:00 (${unique})`);
  await name.fill(`${originalName} ${unique}`);
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'De instellingen zijn opgeslagen.' }),
  ).toBeVisible();
  await expect(page.locator('.brand-zone')).toHaveText(`${originalName} ${unique}`);

  await page.reload();
  await expect(page.getByRole('group', { name: 'Openingsuren' }).getByLabel('English')).toHaveValue(
    `Monday to Friday 8:00–17:00 (${unique})`,
  );

  // Back to the original name, so other tests see the zone as they expect.
  await page.getByLabel('Naam van de zone').fill(originalName);
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'De instellingen zijn opgeslagen.' }),
  ).toBeVisible();
  await expect(page.locator('.brand-zone')).toHaveText(originalName);
});

test('the default language must be one of the languages offered', async ({ page }) => {
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/settings`);
  const languages = page.getByRole('group', { name: 'Talen die bewoners aangeboden worden' });
  for (const language of ['Nederlands', 'Français', 'Deutsch', 'English'])
    await languages.getByLabel(language).uncheck();
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.getByText('Bied minstens één taal aan.')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Talen die bewoners aangeboden worden' }).getByLabel('Nederlands'),
  ).toBeChecked();
});

test('a data-protection officer has no access to the zone settings', async ({ page }) => {
  await logIn(page, accounts.dpo);
  await page.goto(`/${ZONE}/admin/settings`);
  await expectNoAccess(page);
  await expect(page.getByLabel('Naam van de zone')).toHaveCount(0);
  await expectAccessible(page);
});
