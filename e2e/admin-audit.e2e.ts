/**
 * The audit page for the data-protection officer: recent entries, search by
 * action prefix and account, checking the hash chain; an administrator only
 * checks the chain; an officer has no access.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { accounts, expectNoAccess, logIn, logInAsAdmin, ZONE } from './support/demo.ts';

test('the data-protection officer searches the audit log and verifies the chain', async ({ page }) => {
  await logIn(page, accounts.dpo);
  await page.goto(`/${ZONE}/admin/audit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Auditlogboek' })).toBeVisible();
  const results = page.getByRole('region', { name: 'Auditregels, nieuwste eerst' });
  // Opening the page is a search, and searches are audited: the newest entry is at least that one.
  await expect(results.locator('tbody tr').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Handeling', { exact: true }).fill('audit.');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /regels gevonden|recentste regels/ }),
  ).toBeVisible();
  const rows = results.locator('tbody tr');
  await expect(rows.first()).toContainText('audit.searched');
  for (const text of await rows.locator('td:nth-child(3)').allTextContents())
    expect(text).toBe('audit.searched');

  // Narrow to one account by choosing its name in the results.
  await rows
    .first()
    .getByRole('button', { name: /Demo data-protection officer/ })
    .click();
  await expect(page.getByLabel('Kenmerk van het account')).not.toHaveValue('');
  await expect(rows.first()).toContainText('Demo data-protection officer');

  await page.getByLabel('Kenmerk van het account').fill('not-a-uuid');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.getByLabel('Kenmerk van het account')).toBeFocused();
  await expect(page.getByText('Een kenmerk van een account ziet eruit als')).toBeVisible();
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page.getByLabel('Handeling', { exact: true })).toHaveValue('');

  await page.getByRole('button', { name: 'De keten controleren' }).click();
  await expect(page.getByText(/De keten is intact: [\d.]+ regels gecontroleerd\./)).toBeVisible();
  await expectAccessible(page);
});

test('an administrator can verify the chain but not search the log', async ({ page }) => {
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin/audit`);
  await expect(
    page.getByText('Zoeken in het logboek is voorbehouden aan de functionaris voor gegevensbescherming.'),
  ).toBeVisible();
  await expect(page.getByLabel('Handeling', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'De keten controleren' }).click();
  await expect(page.getByText(/De keten is intact/)).toBeVisible();
});

test('an officer has no access to the audit log', async ({ page }) => {
  await logIn(page, accounts.officer);
  await page.goto(`/${ZONE}/admin/audit`);
  await expectNoAccess(page);
  await expect(page.getByRole('button', { name: 'De keten controleren' })).toHaveCount(0);
});
