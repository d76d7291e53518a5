/**
 * The officers page for supervisors and administrators: staffing against the
 * norm, adding and removing an officer, absences (with "absent today"), the
 * usual officer and deputy of a neighbourhood with its history; and an analyst
 * who may not manage officers.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { accounts, expectNoAccess, logIn, logInAsAdmin, ZONE } from './support/demo.ts';
import { uniqueSuffix } from './support/unique.ts';

function isoDate(offsetDays: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

test('a supervisor reads the staffing, changes the deputy of a neighbourhood and sees it in the history', async ({
  page,
}) => {
  await logIn(page, accounts.supervisor);
  await page.goto(`/${ZONE}/admin/officers`);
  await expect(page.getByRole('heading', { level: 1, name: 'Wijkinspecteurs' })).toBeVisible();
  await expect(page.getByText('Nodig bij 1 per 4.000 inwoners')).toBeVisible();
  await expect(
    page.getByText(/Er zijn nog \d+ inspecteurs nodig om de norm van één per 4\.000 inwoners te halen\./),
  ).toBeVisible();
  await expectAccessible(page);

  const table = page.getByRole('region', { name: 'Wijken met hun inspecteur en vervanger' });
  const dampoort = table.getByRole('row', { name: /^Dampoort/ });
  await dampoort.getByRole('button', { name: /Wijzigen\W+Dampoort/ }).click();
  const assign = page.getByRole('form', { name: 'Inspecteur en vervanger van Dampoort' });
  const officerSelect = assign.getByLabel('Vaste inspecteur');
  const deputySelect = assign.getByLabel('Vervanger');
  await expect(officerSelect).toBeFocused();
  const usualOfficer = await officerSelect.inputValue();
  const previousDeputy = await deputySelect.inputValue();
  await deputySelect.selectOption({ value: usualOfficer });
  await assign.getByRole('button', { name: 'Opslaan' }).click();
  await expect(
    assign.getByText('De vervanger moet iemand anders zijn dan de vaste inspecteur.'),
  ).toBeVisible();
  await expect(deputySelect).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // Another officer than the usual one and the current deputy.
  const options = await deputySelect
    .locator('option')
    .evaluateAll((list) =>
      list.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })),
    );
  const other = options.find((o) => o.value !== '' && o.value !== usualOfficer && o.value !== previousDeputy);
  if (!other) throw new Error('the demo needs at least three officers');
  const otherName = other.label.replace(/ \(.*\)$/, '');
  await deputySelect.selectOption({ value: other.value });
  await assign.getByRole('button', { name: 'Opslaan' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'De inspecteurs van Dampoort zijn opgeslagen.' }),
  ).toBeVisible();
  await expect(dampoort.locator('td').nth(3)).toContainText(otherName);
  await expect(dampoort.getByRole('button', { name: /Wijzigen\W+Dampoort/ })).toBeFocused();
  await dampoort.getByRole('button', { name: /Geschiedenis\W+Dampoort/ }).click();
  await expect(
    page.getByRole('list', { name: 'Wie Dampoort bediende' }).getByRole('listitem').first(),
  ).toContainText(`vervanger ${otherName}`);

  // Back to how it was, for the other tests.
  await dampoort.getByRole('button', { name: /Wijzigen\W+Dampoort/ }).click();
  await page
    .getByRole('form', { name: 'Inspecteur en vervanger van Dampoort' })
    .getByLabel('Vervanger')
    .selectOption({ value: previousDeputy });
  await page
    .getByRole('form', { name: 'Inspecteur en vervanger van Dampoort' })
    .getByRole('button', { name: 'Opslaan' })
    .click();
  await expect(dampoort.locator('td').nth(3)).not.toContainText(otherName);
});

test('a supervisor adds an officer, records an absence and removes both again', async ({ page }) => {
  const unique = uniqueSuffix();
  const name = `Agent ${unique}`;
  await logIn(page, accounts.supervisor);
  await page.goto(`/${ZONE}/admin/officers`);
  await expect(page.getByRole('heading', { level: 1, name: 'Wijkinspecteurs' })).toBeVisible();
  // Add, with the phone number checked first.
  const add = page.getByRole('form', { name: 'Een inspecteur toevoegen' });
  await add.getByLabel('Naam', { exact: true }).fill(name);
  await add.getByLabel('Dienstelijk telefoonnummer').fill('bel me');
  await add.getByLabel('Nederlands', { exact: true }).fill('Wijkinspecteur');
  await add.getByRole('button', { name: 'Inspecteur toevoegen' }).click();
  await expect(add.getByLabel('Dienstelijk telefoonnummer')).toBeFocused();
  await expect(add.getByText('Gebruik alleen cijfers, spaties en + ( ) . / -')).toBeVisible();
  await add.getByLabel('Dienstelijk telefoonnummer').fill('+32 9 000 99 99');
  await add.getByLabel('Dienstelijk e-mailadres').fill(`agent-${unique}@example.org`);
  await add.getByRole('button', { name: 'Inspecteur toevoegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} is toegevoegd.` })).toBeVisible();

  const card = page.getByRole('article', { name: new RegExp(name) });
  await expect(card).toContainText('+32 9 000 99 99');
  await expect(card).toContainText('Geen afwezigheid gepland.');

  // An absence from today: the card says "absent today".
  await card.getByRole('button', { name: /Afwezigheid plannen/ }).click();
  await expect(card.getByLabel('Eerste dag')).toBeFocused();
  await card.getByLabel('Eerste dag').fill(isoDate(1));
  await card.getByLabel('Laatste dag').fill(isoDate(0));
  await card.getByRole('button', { name: 'Afwezigheid toevoegen' }).click();
  await expect(card.getByText('De laatste dag kan niet voor de eerste dag liggen.')).toBeVisible();
  await card.getByLabel('Eerste dag').fill(isoDate(0));
  await card.getByLabel('Laatste dag').fill(isoDate(2));
  await card.getByRole('button', { name: 'Afwezigheid toevoegen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Afwezigheid van ${name} vastgelegd` }),
  ).toBeVisible();
  await expect(card.getByRole('heading', { name })).toContainText('vandaag afwezig');
  await expectAccessible(page);

  // Remove the absence, then the officer.
  await card.getByRole('button', { name: new RegExp(`^Verwijderen\\W+${name}, `) }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Afwezigheid van ${name} verwijderd` }),
  ).toBeVisible();
  await expect(card.getByRole('heading', { name })).not.toContainText('vandaag afwezig');
  await card.getByRole('button', { name: new RegExp(`^Verwijderen\\W+${name}$`) }).click();
  await card.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} is verwijderd.` })).toBeVisible();
  await expect(page.getByRole('article', { name: new RegExp(name) })).toHaveCount(0);
});

test('an administrator can link an officer to an account', async ({ page }) => {
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/officers`);
  const add = page.getByRole('form', { name: 'Een inspecteur toevoegen' });
  await expect(add.getByLabel('Gekoppeld account')).toBeVisible();
  await expect(
    add.getByLabel('Gekoppeld account').locator('option', { hasText: 'officer@demo.nabij.example' }),
  ).toHaveCount(1);
  await expectAccessible(page);
});

test('an analyst has no access to officer management', async ({ page }) => {
  await logIn(page, accounts.analyst);
  await page.goto(`/${ZONE}/admin/officers`);
  await expectNoAccess(page);
  await expect(page.getByRole('form', { name: 'Een inspecteur toevoegen' })).toHaveCount(0);
});
