/** Logging in: demo accounts, errors, second step, where it leads. */
import { expectAccessible } from './support/axe.ts';
import { accounts, DEMO_PASSWORD, ZONE } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test('the login page lists the demo accounts and passes axe', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden');
  const demo = page.getByRole('region', { name: 'Demo-accounts' });
  await expect(demo).toContainText(DEMO_PASSWORD);
  for (const email of Object.values(accounts)) await expect(demo).toContainText(email);
  await expect(page.getByRole('link', { name: 'Wachtwoord vergeten?' })).toHaveAttribute(
    'href',
    '/forgot-password',
  );
  await expectAccessible(page);
});

test('empty fields and a wrong password are explained beside the form', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  const email = page.getByLabel('E-mailadres');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription('Vul dit veld in.');

  await email.fill(accounts.analyst);
  await page.getByLabel('Wachtwoord').fill('not-the-password');
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Het e-mailadres of wachtwoord is niet juist.');
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page);
});

test('a demo account logs in and lands on the zone; the header shows the account', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: `Gebruiken : ${accounts.officer}` }).click();
  await expect(page.getByLabel('E-mailadres')).toHaveValue(accounts.officer);
  await expect(page.getByLabel('Wachtwoord')).toBeFocused();
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).toHaveURL(`/${ZONE}`);
  const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  await expect(nav.getByRole('link', { name: 'Mijn account' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Beheer' })).toHaveAttribute('href', `/${ZONE}/admin`);
  await nav.getByRole('button', { name: 'Afmelden' }).click();
  await expect(nav.getByRole('link', { name: 'Aanmelden' })).toBeVisible();
});

test('?next= brings the user back where they were going', async ({ page }) => {
  await page.goto('/login?next=%2Faccount');
  await page.getByLabel('E-mailadres').fill(accounts.analyst);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).toHaveURL('/account');
  await expect(page.getByText(accounts.analyst)).toBeVisible();
});

test('a ?next= to another site is ignored', async ({ page }) => {
  await page.goto('/login?next=%2F%2Fevil.example%2F');
  await page.getByLabel('E-mailadres').fill(accounts.supervisor);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(page).toHaveURL(`/${ZONE}`);
});

test('works in English, at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/login');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
  await expect(page.getByLabel('Email address')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
