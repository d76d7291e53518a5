/** The account page: details, roles, and the second factor (set up, turn off, required for administrators). */
import { totpCode, totpStep } from '../src/platform/auth/totp.ts';
import { expectAccessible } from './support/axe.ts';
import { accounts, logIn, logInAsAdmin, ZONE } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test('without a session the page points to the login', async ({ page }) => {
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
  await expect(page.getByText('Je bent niet aangemeld.')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL('/login?next=%2Faccount');
  await expectAccessible(page);
});

test('an officer sees their roles, sets up the second factor and turns it off again', async ({ page }) => {
  await logIn(page, accounts.officer);
  await page.goto('/account');
  await expect(page.getByText(accounts.officer)).toBeVisible();
  await expect(page.getByText('Sarah De Smet')).toBeVisible();
  const roles = page.getByRole('region', { name: 'Je rollen' });
  await expect(roles.getByRole('link', { name: 'Politiezone Gent (demo)' })).toHaveAttribute(
    'href',
    `/${ZONE}`,
  );
  await expect(roles).toContainText('Wijkinspecteur');
  await expect(roles).toContainText('(hele zone)');
  await expect(page.getByText('De tweede factor staat uit.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Tweede factor instellen' }).click();
  await expect(page.getByRole('heading', { name: 'De tweede factor instellen' })).toBeFocused();
  const shown = (await page.getByTestId('totp-secret').textContent()) ?? '';
  // Grouped in blocks of four for typing.
  expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  const secret = shown.replace(/\s/g, '');
  await expect(page.getByRole('link', { name: 'de instellink voor authenticator-apps' })).toHaveAttribute(
    'href',
    new RegExp(`^otpauth://totp/.*secret=${secret}`),
  );
  await expectAccessible(page);

  const codeField = page.getByLabel('Vul de code van zes cijfers in die de app nu toont');
  await codeField.fill('12345');
  await page.getByRole('button', { name: 'Tweede factor aanzetten' }).click();
  await expect(codeField).toHaveAccessibleDescription(/Vul de zes cijfers van de code in\./);

  const step = totpStep(new Date());
  await codeField.fill(totpCode(secret, step));
  await page.getByRole('button', { name: 'Tweede factor aanzetten' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De tweede factor staat aan.' })).toBeVisible();
  await expect(page.getByText('De tweede factor staat aan: bij het aanmelden')).toBeVisible();

  // The session was replaced with a new one (and a new CSRF token): writing still works.
  const off = page.getByLabel('Code van zes cijfers');
  await off.fill(totpCode(secret, step)); // already used: refused
  await page.getByRole('button', { name: 'Tweede factor uitzetten' }).click();
  await expect(off).toHaveAccessibleDescription(/De code is niet juist of verlopen/);
  await off.fill(totpCode(secret, step + 1));
  await page.getByRole('button', { name: 'Tweede factor uitzetten' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De tweede factor staat uit.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tweede factor instellen' })).toBeVisible();
});

test('an administrator must set up the second factor, and cannot turn it off', async ({ page }) => {
  let sawNotice = false;
  await logInAsAdmin(page, {
    beforeSetUp: async () => {
      const notice = page.locator('.admin-notice');
      await expect(notice.getByRole('heading', { name: 'Stel je tweede factor in' })).toBeVisible();
      await expect(notice).toContainText('Beheerders moeten hun account beveiligen met een tweede factor');
      await expectAccessible(page);
      sawNotice = true;
    },
  });
  // On a server where an earlier test already set it up, the notice is no longer shown.
  test
    .info()
    .annotations.push({ type: 'notice', description: sawNotice ? 'shown before set-up' : 'already set up' });
  await page.goto('/account');
  await expect(page.locator('.admin-notice')).toHaveCount(0);
  await expect(page.getByText('De tweede factor staat aan: bij het aanmelden')).toBeVisible();
  await expect(page.getByText('Beheerders moeten de tweede factor behouden')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tweede factor uitzetten' })).toHaveCount(0);
  await expectAccessible(page);

  // The next login asks for the code (logInAsAdmin computes it).
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await logInAsAdmin(page);
  await expect(page).toHaveURL(`/${ZONE}`);
  await expect(
    page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Beheer' }),
  ).toBeVisible();
});

test('the code step of the login explains a wrong code', async ({ page }) => {
  await logInAsAdmin(page);
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(accounts.admin);
  await page.getByLabel('Wachtwoord').fill('nabij-demo-2026');
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  const code = page.getByLabel('Code van zes cijfers');
  await expect(code).toBeFocused();
  await expectAccessible(page);
  await code.fill('000000');
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(code).toHaveAccessibleDescription(/De code is niet juist of verlopen/);
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByLabel('E-mailadres')).toBeVisible();
});
