/** The demo zone and accounts every browser test can count on (see src/modules/demo). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  expect,
  test,
  type APIRequestContext,
  type Cookie,
  type Page,
  type Response,
} from '@playwright/test';
import { totpCode, totpStep } from '../../src/platform/auth/totp.ts';

export const ZONE = 'gent';
export const DEMO_PASSWORD = 'nabij-demo-2026';
export const accounts = {
  admin: 'admin@demo.nabij.example',
  officer: 'officer@demo.nabij.example',
  analyst: 'analyst@demo.nabij.example',
  dpo: 'dpo@demo.nabij.example',
  supervisor: 'supervisor@demo.nabij.example',
};

/** The server counts logins per minute and client (10 a minute, fixed windows on the minute). */
const LOGIN_WINDOW_MS = 60_000;

async function waitForNextLoginWindow(): Promise<void> {
  const wait = LOGIN_WINDOW_MS - (Date.now() % LOGIN_WINDOW_MS) + 1_000;
  test.info().setTimeout(test.info().timeout + wait + 5_000);
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * Clicks a button that posts to an auth route and returns the response; when
 * the server answers rate_limited, waits for the next window and clicks again.
 */
async function submitAuth(page: Page, route: string, click: () => Promise<void>): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(route) && r.request().method() === 'POST'),
      click(),
    ]);
    if (response.status() !== 429) return response;
    await waitForNextLoginWindow();
  }
  throw new Error(`${route} stayed rate limited`);
}

async function fillLoginForm(page: Page, email: string, password: string): Promise<Response> {
  await page.goto('/login');
  await page.getByLabel(/e-?mail/i).fill(email);
  await page
    .getByLabel(/wachtwoord|password|mot de passe|passwort/i)
    .first()
    .fill(password);
  return submitAuth(page, '/api/auth/login', () =>
    page.getByRole('button', { name: /^(aanmelden|log in|se connecter|anmelden)$/i }).click(),
  );
}

/** Logs in through the login page; returns once the page left /login. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await fillLoginForm(page, email, password);
  expect(response.status(), `login of ${email}`).toBe(200);
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

/** The page refuses the signed-in account: the no-access heading (in Dutch, the tests' language). */
export async function expectNoAccess(page: Page): Promise<void> {
  await expect(
    page.getByRole('heading', { level: 2, name: 'Je hebt geen toegang tot deze pagina' }),
  ).toBeVisible();
}

/** Logs the demo supervisor in on a request context (no page); returns the session's CSRF token. */
export async function logInSupervisor(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/auth/login', {
    data: { email: accounts.supervisor, password: DEMO_PASSWORD },
  });
  expect(response.status(), 'supervisor login').toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/*
 * The demo administrator has no second factor at first; the first call of
 * logInAsAdmin sets one up on the account page, later calls enter its code.
 * The secret is kept in this module and, because Playwright starts a new
 * worker after a failed test while the server keeps running, also in a file
 * named after the server's demo zone id (a fresh database gets a new one).
 */
interface AdminTotp {
  secret: string;
  lastStep: number;
}
let adminTotp: AdminTotp | null = null;

async function totpFile(page: Page): Promise<string> {
  const response = await page.request.get(`/api/zones/${ZONE}`);
  const zone = (await response.json()) as { id: string };
  return path.join(os.tmpdir(), `nabij-e2e-admin-totp-${zone.id}.json`);
}

async function rememberTotp(page: Page, value: AdminTotp): Promise<void> {
  adminTotp = value;
  writeFileSync(await totpFile(page), JSON.stringify(value));
}

async function recallTotp(page: Page): Promise<AdminTotp | null> {
  if (adminTotp) return adminTotp;
  const file = await totpFile(page);
  if (existsSync(file)) adminTotp = JSON.parse(readFileSync(file, 'utf8')) as AdminTotp;
  return adminTotp;
}

/**
 * A code the server has not seen yet. It accepts the steps just before and
 * after the current one (clock drift) but each step only once, so a second
 * login within 30 s uses the next step, and a third waits for time to pass.
 */
async function freshCode(page: Page): Promise<string> {
  const totp = await recallTotp(page);
  if (!totp) throw new Error('The admin has a second factor, but its secret is unknown to this test run.');
  let step = Math.max(totpStep(new Date()), totp.lastStep + 1);
  while (step > totpStep(new Date()) + 1) {
    await page.waitForTimeout(1_000);
    step = Math.max(totpStep(new Date()), totp.lastStep + 1);
  }
  await rememberTotp(page, { ...totp, lastStep: step });
  return totpCode(totp.secret, step);
}

/** Sets up the second factor on /account for the signed-in account; returns its secret. */
export async function setUpSecondFactor(page: Page): Promise<string> {
  if (!page.url().endsWith('/account')) await page.goto('/account');
  await page.getByRole('button', { name: /tweede factor instellen|set up the second factor/i }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const step = totpStep(new Date());
  await page.getByLabel(/die de app nu toont|code the app now shows/i).fill(totpCode(secret, step));
  await submitAuth(page, '/api/auth/totp/enable', () =>
    page.getByRole('button', { name: /tweede factor aanzetten|turn on the second factor/i }).click(),
  );
  await expect(page.getByText(/de tweede factor staat aan|the second factor is on/i).first()).toBeVisible();
  await rememberTotp(page, { secret, lastStep: step });
  return secret;
}

/** Cookies of the last verified admin session, reused while the server still accepts it. */
let adminCookies: Cookie[] | null = null;

async function reuseAdminSession(page: Page): Promise<boolean> {
  if (!adminCookies) return false;
  await page.context().addCookies(adminCookies);
  const me = (await (await page.request.get('/api/auth/me')).json()) as {
    account: { email: string } | null;
    secondFactorVerified: boolean;
  };
  if (me.account?.email === accounts.admin && me.secondFactorVerified) {
    await page.goto(`/${ZONE}`);
    return true;
  }
  adminCookies = null;
  await page.context().clearCookies();
  return false;
}

/**
 * Logs in as the demo administrator with a verified second factor, setting
 * the factor up the first time (`beforeSetUp` then runs on the account page,
 * before the set-up). Reuses the previous admin session while it is still
 * valid, unless `fresh` is set; a test that logs out simply gets a new one.
 * Leaves the browser on the zone's page (the account page the first time).
 */
export async function logInAsAdmin(
  page: Page,
  options: { beforeSetUp?: (page: Page) => Promise<void>; fresh?: boolean } = {},
): Promise<void> {
  if (!options.fresh && !options.beforeSetUp && (await reuseAdminSession(page))) return;
  await logInAsAdminThroughForm(page, options);
  adminCookies = await page.context().cookies();
}

async function logInAsAdminThroughForm(
  page: Page,
  options: { beforeSetUp?: (page: Page) => Promise<void> },
): Promise<void> {
  const response = await fillLoginForm(page, accounts.admin, DEMO_PASSWORD);
  expect(response.status(), 'admin login').toBe(200);
  const { status } = (await response.json()) as { status: string };
  if (status === 'second_factor_required') {
    const codeField = page.getByLabel(
      /^(code van zes cijfers|six-digit code|code à six chiffres|sechsstelliger code)/i,
    );
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await codeField.fill(await freshCode(page));
      const answer = await submitAuth(page, '/api/auth/second-factor', () =>
        page.getByRole('button', { name: /^(bevestigen|confirm|confirmer|bestätigen)$/i }).click(),
      );
      if (answer.status() === 200) break;
      // A code of this step was taken elsewhere (another window of the same run): use the next one.
      if (attempt === 1) expect(answer.status(), 'second factor of the admin').toBe(200);
    }
    await expect(page).not.toHaveURL(/\/login(\?|$)/);
  } else {
    await expect(page).toHaveURL(/\/account/);
    await options.beforeSetUp?.(page);
    await setUpSecondFactor(page);
  }
}
