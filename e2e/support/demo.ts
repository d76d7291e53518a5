/** The demo zone and accounts every browser test can count on (see src/modules/demo). */
import { expect, type Page } from '@playwright/test';

export const ZONE = 'gent';
export const DEMO_PASSWORD = 'nabij-demo-2026';
export const accounts = {
  admin: 'admin@demo.nabij.example',
  officer: 'officer@demo.nabij.example',
  analyst: 'analyst@demo.nabij.example',
  dpo: 'dpo@demo.nabij.example',
  supervisor: 'supervisor@demo.nabij.example',
};

/** Logs in through the login page; returns once the page left /login. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/wachtwoord|password|mot de passe|passwort/i).first().fill(password);
  await page.getByRole('button', { name: /aanmelden|log in|se connecter|anmelden/i }).click();
  await expect(page).not.toHaveURL(/\/login$/);
}
