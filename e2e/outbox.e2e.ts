/** The demo mail outbox: mails as plain text with working links. */
import { expectAccessible } from './support/axe.ts';
import { accounts } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test('shows sent mail with its recipient, subject, date and clickable links', async ({ page, request }) => {
  await request.post('/api/auth/password-reset/request', {
    data: { email: accounts.supervisor, language: 'fr' },
  });
  await page.goto('/outbox');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo-mailbox');
  const mail = page.getByRole('article').filter({ hasText: accounts.supervisor }).first();
  await expect(mail.getByRole('heading', { level: 2 })).not.toBeEmpty();
  await expect(mail.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  // Plain text, never the mail's HTML: the only markup inside is the links the page made.
  await expect(mail.locator('.mail-text p, .mail-text br')).toHaveCount(0);
  await expect(mail.getByRole('link', { name: /reset-password#token=/ })).toHaveAttribute(
    'href',
    /^\/reset-password#token=/,
  );
  await expectAccessible(page);
});

test('is reachable from the footer and works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/gent');
  await page
    .getByRole('contentinfo')
    .getByRole('link', { name: /Demo-mailbox/ })
    .click();
  await expect(page).toHaveURL('/outbox');
  await page.getByRole('button', { name: 'Vernieuwen' }).click();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
