/** Forgot password → demo outbox → reset link → new password → log in. */
import type { APIRequestContext } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { accounts, DEMO_PASSWORD, logIn, ZONE } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

const NEW_PASSWORD = 'lange-nieuwe-zin-voor-gent';

/** Puts the demo password back through the API, so later tests can log in as before. */
async function restoreDemoPassword(request: APIRequestContext, email: string): Promise<void> {
  await request.post('/api/auth/password-reset/request', { data: { email } });
  await expect
    .poll(async () => {
      const outbox = (await (await request.get('/api/outbox')).json()) as {
        items: { to: string; text: string }[];
      };
      const mail = outbox.items.find((m) => m.to === email);
      return /#token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? null;
    })
    .not.toBeNull();
  const outbox = (await (await request.get('/api/outbox')).json()) as {
    items: { to: string; text: string }[];
  };
  const token = /#token=([\w-]+)/.exec(outbox.items.find((m) => m.to === email)?.text ?? '')?.[1];
  const confirmed = await request.post('/api/auth/password-reset/confirm', {
    data: { token, password: DEMO_PASSWORD },
  });
  expect(confirmed.status()).toBe(200);
}

test('a password reset works end to end through the demo outbox', async ({ page, request }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wachtwoord vergeten');
  await expect(page.getByText('Dit is een demo: er wordt geen echte mail verstuurd.')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('E-mailadres').fill(accounts.dpo);
  await page.getByRole('button', { name: 'Stuur de link' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Als er een account bestaat voor ${accounts.dpo}` }),
  ).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: 'Demo-mailbox' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo-mailbox');
  const mail = page.getByRole('article').filter({ hasText: accounts.dpo }).first();
  await expect(mail).toBeVisible();
  await expectAccessible(page);
  const link = mail.getByRole('link', { name: /\/reset-password#token=/ });
  // The link was made for the configured public address; here it opens on this site.
  await expect(link).toHaveAttribute('href', /^\/reset-password#token=/);
  await link.click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kies een nieuw wachtwoord');
  await expectAccessible(page);
  const password = page.getByLabel('Nieuw wachtwoord', { exact: true });
  const repeat = page.getByLabel('Herhaal het nieuwe wachtwoord');
  await password.fill('te kort');
  await repeat.fill('iets anders');
  await page.getByRole('button', { name: 'Nieuw wachtwoord opslaan' }).click();
  await expect(password).toHaveAccessibleDescription(/Gebruik minstens 12 tekens\./);
  await expect(repeat).toHaveAccessibleDescription('De twee wachtwoorden zijn niet gelijk.');
  await expect(password).toBeFocused();

  // Long enough for the browser check, but refused by the server's rule.
  await password.fill('aaaaaaaaaaaaaaaa');
  await repeat.fill('aaaaaaaaaaaaaaaa');
  await page.getByRole('button', { name: 'Nieuw wachtwoord opslaan' }).click();
  await expect(password).toHaveAccessibleDescription(/geen veelgebruikt wachtwoord/);
  await expectAccessible(page);

  await password.fill(NEW_PASSWORD);
  await repeat.fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Nieuw wachtwoord opslaan' }).click();
  await expect(page.getByText('Je nieuwe wachtwoord is opgeslagen.')).toBeVisible();
  await page.getByRole('link', { name: 'Meld je aan met je nieuwe wachtwoord' }).click();
  await expect(page).toHaveURL('/login');

  await logIn(page, accounts.dpo, NEW_PASSWORD);
  await expect(page).toHaveURL(`/${ZONE}`);
  await restoreDemoPassword(request, accounts.dpo);
});

test('a used or damaged reset link is refused with a way to ask again', async ({ page }) => {
  await page.goto('/reset-password#token=this-token-does-not-exist-at-all');
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Nieuw wachtwoord opslaan' }).click();
  await expect(page.getByRole('alert')).toContainText('Deze resetlink is ongeldig of verlopen.');
  await expect(page.getByRole('alert').getByRole('link', { name: 'Vraag een nieuwe link' })).toBeVisible();
  await expectAccessible(page);
});

test('a reset page without token explains what to do', async ({ page }) => {
  await page.goto('/reset-password');
  await expect(page.getByText('Deze link is onvolledig.')).toBeVisible();
  await expectAccessible(page);
});
