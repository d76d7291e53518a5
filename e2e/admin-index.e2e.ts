/**
 * The administration start page: tiles by role, a login link for visitors,
 * and the second-factor notice for an administrator who has none yet.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { accounts, logIn, logInAsAdmin, ZONE } from './support/demo.ts';

const tiles = (page: Page) => page.locator('main ul.tiles h2');

test('an administrator sees areas, users, officers, settings and the audit check', async ({ page }) => {
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin`);
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer' })).toBeFocused();
  await expect(tiles(page)).toHaveText([
    'Gebieden',
    'Gebruikers en rollen',
    'Wijkinspecteurs',
    'Instellingen van de zone',
    'Categorieën en antwoorden',
    'Open311-sleutels',
    'Controle van het auditlogboek',
  ]);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Gebieden' }).click();
  await expect(page).toHaveURL(new RegExp(`/${ZONE}/admin/areas$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Gebieden' })).toBeVisible();
});

test('a supervisor sees officers only, the data-protection officer the audit log, an officer nothing', async ({
  page,
}) => {
  await logIn(page, accounts.supervisor);
  await page.goto(`/${ZONE}/admin`);
  await expect(tiles(page)).toHaveText(['Wijkinspecteurs']);

  await page.context().clearCookies();
  await logIn(page, accounts.dpo);
  await page.goto(`/${ZONE}/admin`);
  await expect(tiles(page)).toHaveText(['Auditlogboek']);

  await page.context().clearCookies();
  await logIn(page, accounts.officer);
  await page.goto(`/${ZONE}/admin`);
  await expect(page.getByText('Je rollen in deze zone omvatten geen beheertaken.')).toBeVisible();
  await expectAccessible(page);
});

test('a visitor is asked to log in and comes back to the page afterwards', async ({ page }) => {
  await page.goto(`/${ZONE}/admin/officers`);
  await expect(page.getByText('Meld je aan om deze pagina te zien.')).toBeVisible();
  await expectAccessible(page);
  await page.locator('main a.button').click();
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(`/${ZONE}/admin/officers`)}`);
  await page.locator('#login-email').fill(accounts.supervisor);
  await page.locator('#login-password').fill('nabij-demo-2026');
  await page.locator('#login-password').press('Enter');
  await expect(page).toHaveURL(new RegExp(`/${ZONE}/admin/officers$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Bezetting tegenover de norm' })).toBeVisible();
});

test('an administrator without a second factor is sent to set one up', async ({ page }) => {
  // The session as the server describes an administrator who has not set up a second factor yet.
  await page.route('**/api/auth/me', (route) =>
    route.fulfill({
      json: {
        account: {
          id: '01a22510-0000-7000-8000-000000000001',
          email: 'new-admin@example.org',
          displayName: 'New administrator',
          language: null,
          totpEnabled: false,
          isOperator: false,
        },
        grants: [{ zone: ZONE, zoneName: 'Gent', role: 'administrator', areaIds: [] }],
        csrfToken: 'test',
        secondFactorPending: false,
        secondFactorVerified: false,
      },
    }),
  );
  await page.goto(`/${ZONE}/admin`);
  await expect(page.getByRole('heading', { level: 2, name: 'Stel eerst je tweede factor in' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tweede factor instellen in mijn account' })).toHaveAttribute(
    'href',
    '/account',
  );
  await expect(tiles(page)).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/${ZONE}/admin/users`);
  await expect(page.getByRole('heading', { level: 2, name: 'Stel eerst je tweede factor in' })).toBeVisible();
});
