/**
 * The private tracking page: status in honest words, the police's answer,
 * the timeline, the reporter's own words, and the reporter's own view of
 * whether it was solved — kept apart from the police status.
 */
import type { APIRequestContext } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { ZONE, logInSupervisor } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';
import { reportSignal, type Reported } from './support/signals.ts';

interface Created extends Reported {
  trackingToken: string;
}

function report(request: APIRequestContext, description: string): Promise<Created> {
  return reportSignal<Created>(request, {
    category: 'dumping',
    description,
    location: { lon: 3.7105, lat: 51.0611 },
    reporter: { name: 'Els Wouters', email: 'els.wouters@example.org' },
    language: 'nl',
  });
}

/** As the demo supervisor (in its own request context): answer and close the signal. */
async function answerAndClose(request: APIRequestContext, signalId: string, text: string): Promise<void> {
  const csrfToken = await logInSupervisor(request);
  const statuses = (await (await request.get(`/api/zones/${ZONE}/signal-statuses`)).json()) as {
    id: string;
    code: string;
  }[];
  const closed = statuses.find((s) => s.code === 'closed_answered');
  expect(closed).toBeTruthy();
  const answer = await request.post(`/api/zones/${ZONE}/staff/signals/${signalId}/answers`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { text, statusId: closed?.id },
  });
  expect(answer.status()).toBe(201);
}

test('the reporter follows a report to its answer and says it is not solved', async ({
  page,
  playwright,
  baseURL,
}) => {
  const created = await report(page.request, 'Al twee weken ligt er een hoop bouwafval naast de speeltuin.');

  await page.goto(`/track/${created.trackingToken}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Melding ${created.reference}`);
  await expect(page).toHaveTitle(`Melding ${created.reference} · Nabij`);
  const status = page.getByRole('region', { name: 'Status volgens de politie' });
  await expect(status).toContainText('Open (Nieuw)');
  await expect(status).toContainText('Sluikstort');
  await expect(status).toContainText('Rabot - Blaisantvest');
  await expect(page.getByText('Nog geen antwoord. Elke melding krijgt er een.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Jouw beschrijving' })).toContainText(
    'Al twee weken ligt er een hoop bouwafval naast de speeltuin.',
  );
  await expect(page.getByRole('region', { name: 'Opgelost volgens de melder' })).toContainText(
    'De melder heeft het nog niet gezegd.',
  );
  await expect(page.getByRole('heading', { name: 'Is het echt opgelost?' })).toHaveCount(0);
  // The token never leaves this site: no referrer, nothing loaded from elsewhere.
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  const foreign = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => !name.startsWith(location.origin)),
  );
  expect(foreign).toEqual([]);
  await expectAccessible(page);

  // The police answer and close it.
  const staff = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  await answerAndClose(staff, created.id, 'De stadsdienst heeft het afval opgehaald.');
  await staff.dispose();

  // The questionnaire mail links to #feedback: a fresh load jumps there.
  await page.goto('about:blank');
  await page.goto(`/track/${created.trackingToken}#feedback`);
  const question = page.getByRole('heading', { name: 'Is het echt opgelost?' });
  await expect(question).toBeFocused();
  await expect(status).toContainText('Afgesloten door de politie (reden: Afgesloten: beantwoord)');
  await expect(status).not.toContainText('Opgelost volgens de politie');
  await expect(page.getByRole('region', { name: 'Antwoord van de politie' })).toContainText(
    'De stadsdienst heeft het afval opgehaald.',
  );
  const timeline = page.getByRole('region', { name: 'Wat er tot nu toe gebeurde' });
  await expect(timeline).toContainText('Melding ontvangen');
  await expect(timeline).toContainText('De politie antwoordde');
  await expectAccessible(page);

  // Sending without a choice names what is missing.
  await page.getByRole('button', { name: 'Mijn antwoord versturen' }).click();
  await expect(page.getByText('Kies ja of nee.')).toBeVisible();

  await page.getByRole('radio', { name: 'Nee, het is niet opgelost' }).check();
  await page.getByLabel(/^Wil je nog iets toevoegen\?/).fill('Er is intussen weer nieuw afval bijgekomen.');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/feedback') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Mijn antwoord versturen' }).click(),
  ]);
  expect(response.status()).toBe(200);
  await expect(page.getByText('Bedankt: je antwoord is genoteerd.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Opgelost volgens de melder' })).toContainText(
    'niet opgelost',
  );
  // The police status still reads "closed", never "fixed".
  await expect(status).toContainText('Afgesloten door de politie');
  await expect(timeline).toContainText('De melder liet weten of het opgelost is');
  await expectAccessible(page);

  // Recorded on the server too.
  const tracked = (await (await page.request.get(`/api/track/${created.trackingToken}`)).json()) as {
    reporterFeedback: string;
    status: { type: string };
  };
  expect(tracked.reporterFeedback).toBe('not_solved');
  expect(tracked.status.type).toBe('closed');
});

test('the tracking page speaks the chosen language', async ({ page }) => {
  const created = await report(page.request, 'Een zak met afval is opengescheurd op het voetpad.');
  await page.goto(`/track/${created.trackingToken}`);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Signalement ${created.reference}`);
  await expect(page.getByRole('region', { name: 'Statut selon la police' })).toContainText(
    'Ouvert (Nouveau)',
  );
  await expect(page.getByRole('region', { name: 'Statut selon la police' })).toContainText(
    'Dépôt clandestin',
  );
  await expectAccessible(page);
});

test('an invalid tracking link says so clearly', async ({ page }) => {
  await page.goto('/track/this-is-not-a-valid-tracking-token');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een melding volgen');
  await expect(page.getByRole('alert')).toContainText(
    'Deze opvolglink is ongeldig. Controleer of je de volledige link kopieerde.',
  );
  await expectAccessible(page);
});
