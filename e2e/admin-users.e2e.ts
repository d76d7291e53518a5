/**
 * The administrator's users page: the zone's accounts with roles and second
 * factor, search, inviting someone with a neighbourhood-limited role, changing
 * roles; and an officer who may not see it.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { accounts, expectNoAccess, logIn, logInAsAdmin, ZONE } from './support/demo.ts';
import { uniqueSuffix } from './support/unique.ts';

test('an administrator searches accounts, invites someone for two neighbourhoods and changes their roles', async ({
  page,
}) => {
  const unique = uniqueSuffix();
  const email = `e2e-${unique}@example.org`;
  const name = `Invited ${unique}`;
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/users`);
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers en rollen' })).toBeVisible();

  const list = page.getByRole('region', { name: 'Accounts en hun rollen' });
  const admin = list.getByRole('row', { name: /Demo administrator/ });
  await expect(admin).toContainText('Beheerder');
  await expect(admin).toContainText('Aan');
  await expect(list.getByRole('row', { name: /Demo analyst/ })).toContainText('Uit');
  await expectAccessible(page);

  await page.getByRole('searchbox', { name: 'Naam of e-mailadres' }).fill('analyst@');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(list.locator('tbody > tr')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'accounts gevonden' })).toContainText(
    '1 accounts gevonden voor "analyst@"',
  );
  await page.getByRole('button', { name: 'Alles tonen' }).click();
  await expect(admin).toBeVisible();

  // Invite: the form explains what is missing first.
  const invite = page
    .locator('form')
    .filter({ has: page.getByRole('button', { name: 'Uitnodiging versturen' }) });
  await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(invite.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  await expect(invite.getByLabel('E-mailadres')).toBeFocused();
  await expect(invite.getByText('Kies minstens één rol.')).toBeVisible();

  await invite.getByLabel('E-mailadres').fill(email);
  await invite.getByLabel('Naam', { exact: true }).fill(name);
  await invite.getByLabel('Taal van de uitnodiging').selectOption('fr');
  await invite.getByRole('checkbox', { name: 'Wijkinspecteur' }).check();
  await invite.getByText('Hele zone (beperken tot enkele wijken)').click();
  await invite.getByRole('checkbox', { name: 'Binnenstad' }).check();
  await invite.getByRole('checkbox', { name: 'Dampoort' }).check();
  await expect(invite.getByText('2 wijken')).toBeVisible();
  await expectAccessible(page);
  await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('status').filter({ hasText: email })).toContainText(
    'heeft nu de gekozen rollen',
  );

  const row = list.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Wijkinspecteur');
  await expect(row).toContainText('Binnenstad, Dampoort');
  // A new person has not used the invitation yet; the mail can be sent again.
  await expect(row).toContainText('Uitnodiging nog niet gebruikt');
  await row.getByRole('button', { name: /Uitnodiging opnieuw versturen/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'nieuwe uitnodiging' })).toContainText(
    'Er werd een nieuwe uitnodiging gemaild naar',
  );

  // Change roles: add analyst, keep the officer scope.
  await row.getByRole('button', { name: /Rollen wijzigen/ }).click();
  const form = page.getByRole('form', { name: `Rollen van ${name}` });
  await expect(form.getByRole('checkbox', { name: 'Bewoner' })).toBeFocused();
  await form.getByRole('checkbox', { name: 'Analist' }).check();
  await form.getByRole('button', { name: 'Rollen opslaan' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `De rollen van ${name} zijn opgeslagen.` }),
  ).toBeVisible();
  await expect(row).toContainText('Analist');
  await expect(row).toContainText('Binnenstad, Dampoort');
  await expect(row.getByRole('button', { name: /Rollen wijzigen/ })).toBeFocused();
});

test('an administrator cannot take away their own administrator role', async ({ page }) => {
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/users`);
  const row = page
    .getByRole('region', { name: 'Accounts en hun rollen' })
    .getByRole('row', { name: /Demo administrator/ });
  await row.getByRole('button', { name: /Rollen wijzigen/ }).click();
  const form = page.getByRole('form', { name: 'Rollen van Demo administrator' });
  await form.getByRole('checkbox', { name: 'Beheerder' }).uncheck();
  await form.getByRole('checkbox', { name: 'Analist' }).check();
  await form.getByRole('button', { name: 'Rollen opslaan' }).click();
  await expect(form.getByText('Je kunt je eigen beheerdersrol niet intrekken')).toBeVisible();
  await form.getByRole('button', { name: 'Annuleren' }).click();
  await expect(row).not.toContainText('Analist');
});

test('an officer has no access to the users page', async ({ page }) => {
  await logIn(page, accounts.officer);
  await page.goto(`/${ZONE}/admin/users`);
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers en rollen' })).toBeVisible();
  await expectNoAccess(page);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page);
});
