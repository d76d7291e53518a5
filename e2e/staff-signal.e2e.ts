/**
 * Handling one signal as the demo officer (Sarah De Smet, Binnenstad): an
 * internal note, the moderated public text (refused while a phone number is
 * left in), the reporter's contact (an audited look), a public answer from a
 * template that closes the signal, and marking another signal as its
 * duplicate.
 */
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { accounts, logIn, ZONE } from './support/demo.ts';
import { BINNENSTAD, reportSignal } from './support/signals.ts';
import { uniqueSuffix } from './support/unique.ts';

test('an officer notes, moderates, looks up the reporter and answers with a template that closes the signal', async ({
  page,
}) => {
  const tag = `e2e${uniqueSuffix()}`;
  const signal = await reportSignal(page.request, {
    category: 'noise',
    description: `Elke nacht luide muziek ${tag} uit het café op de hoek, bel me op 0470 12 34 56.`,
    location: BINNENSTAD,
    reporter: {
      name: 'Jan Peeters',
      email: `jan-${tag}@example.org`,
      phone: '0470 12 34 56',
      consentShareWithPartner: true,
    },
    language: 'nl',
  });

  await logIn(page, accounts.officer);
  await page.goto(`/${ZONE}/staff/signals/${signal.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Melding ${signal.reference}` })).toBeFocused();
  await expect(page.getByText(`Elke nacht luide muziek ${tag} uit het café`)).toBeVisible();
  await expect(page.getByText('Bevat mogelijk persoonsgegevens: een telefoonnummer')).toBeVisible();
  await expect(
    page.getByRole('region', { name: `Kaart van de plaats van melding ${signal.reference}` }),
  ).toBeVisible();
  await expect(page.getByText(/het midden van een vierkant van \d+ m/)).toBeVisible();
  await expect(page.getByText('De melder heeft nog niets laten weten.')).toBeVisible();
  await expectAccessible(page);

  // An internal note lands on the timeline, marked internal, with who wrote it.
  const timeline = page.getByRole('region', { name: 'Tijdlijn' });
  await page.getByLabel("Notitie voor collega's").fill(`Buurtagent gaat ${tag} langs bij de uitbater.`);
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'De notitie staat op de tijdlijn.' }),
  ).toBeVisible();
  const note = timeline.getByRole('listitem').filter({ hasText: `Buurtagent gaat ${tag} langs` });
  await expect(note).toContainText('Interne notitie');
  await expect(note).toContainText('Intern');
  await expect(note).toContainText('Sarah De Smet');

  // Moderation: the suggestion hides the phone number; putting it back is refused, at the field.
  const summary = page.getByLabel('Publieke samenvatting');
  await expect(summary).toHaveValue(/bel me op \[…\]/);
  await summary.fill('Nachtlawaai uit een café, bel 0470 12 34 56 voor info.');
  await page.getByRole('button', { name: 'Deze tekst goedkeuren' }).click();
  await expect(summary).toHaveAttribute('aria-invalid', 'true');
  await expect(summary).toBeFocused();
  await expect(
    page.getByText(/De publieke tekst lijkt nog persoonsgegevens te bevatten \(een telefoonnummer\)/),
  ).toBeVisible();
  await expectAccessible(page);
  await summary.fill('Nachtlawaai uit een café in de binnenstad.');
  await page.getByRole('button', { name: 'Deze tekst goedkeuren' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'De publieke tekst is goedgekeurd.' }),
  ).toBeVisible();
  await expect(summary).not.toHaveAttribute('aria-invalid', 'true');
  await expect(
    timeline.getByRole('listitem').filter({ hasText: 'Publieke tekst goedgekeurd' }),
  ).toBeVisible();

  // The reporter's contact: only on request, and the button says it is logged.
  await page
    .getByRole('button', { name: 'Contactgegevens van de melder tonen (wordt gelogd in het auditlogboek)' })
    .click();
  const contact = page.getByRole('definition').filter({ hasText: `jan-${tag}@example.org` });
  await expect(contact).toBeVisible();
  await expect(page.getByRole('link', { name: '0470 12 34 56' })).toHaveAttribute('href', 'tel:0470123456');
  await expect(page.getByText('Akkoord om de gegevens met partners te delen')).toBeVisible();
  await page.getByRole('button', { name: 'Contactgegevens verbergen' }).click();
  await expect(contact).toHaveCount(0);

  // Triage: priority and the officer.
  await page.getByLabel('Prioriteit', { exact: true }).selectOption({ label: 'Hoog' });
  await page.getByLabel('Toewijzen aan').selectOption({ label: 'Sarah De Smet (volgt deze wijk op)' });
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' })).toBeVisible();
  await expect(
    timeline.getByRole('listitem').filter({ hasText: 'Prioriteit: Normaal → Hoog' }),
  ).toBeVisible();
  await expect(
    timeline.getByRole('listitem').filter({ hasText: 'Toegewezen aan Sarah De Smet' }),
  ).toBeVisible();

  // Statuses not reachable from "Nieuw" are explained, not offered.
  await expect(
    page.getByText('Alleen de statussen die de werkwijze van de zone na "Nieuw" toelaat'),
  ).toBeVisible();

  // The public answer: a template for the chosen closing status, in the chosen language.
  await page
    .getByLabel('Status bij dit antwoord')
    .selectOption({ label: 'Afgesloten: geen politiezaak (afgesloten)' });
  await page.getByLabel('Sjabloon', { exact: true }).selectOption({ label: 'Not a police matter' });
  await page.getByLabel('Taal van het antwoord').selectOption('en');
  await page.getByRole('button', { name: 'Dit sjabloon gebruiken' }).click();
  const answer = page.getByLabel('Antwoord', { exact: true });
  await expect(answer).toHaveValue(/^This is not a matter for the police\./);
  await expect(answer).toBeFocused();
  await page.getByLabel('Taal van het antwoord').selectOption('nl');
  await page.getByRole('button', { name: 'Dit sjabloon gebruiken' }).click();
  await expect(answer).toHaveValue(/^Dit valt niet onder de bevoegdheid van de politie\./);
  await answer.fill(`${await answer.inputValue()} Je kunt de stad bereiken via het nummer 09 210 10 10.`);
  await page.getByRole('button', { name: 'Antwoord publiceren' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Het antwoord is gepubliceerd en gemaild naar de melder' }),
  ).toBeVisible();
  const facts = page.locator('dl.summary');
  await expect(facts).toContainText('Afgesloten: geen politiezaak');
  await expect(facts).toContainText('afgesloten');
  await expect(facts).toContainText('Beantwoord');
  await expect(
    timeline.getByRole('listitem').filter({ hasText: 'Status: Nieuw → Afgesloten: geen politiezaak' }),
  ).toBeVisible();
  const published = timeline.getByRole('listitem').filter({ hasText: 'Publiek antwoord' });
  await expect(published).toContainText('Dit valt niet onder de bevoegdheid van de politie.');
  await expect(published).toContainText('Publiek');
  await expect(page.getByText('Tot nu toe gegeven antwoord:')).toBeVisible();
  await expectAccessible(page);

  // The reporter got the answer by mail.
  const outbox = await page.request.get('/api/outbox');
  expect(JSON.stringify(await outbox.json())).toContain(`jan-${tag}@example.org`);
});

test('an officer marks a signal as a duplicate of another, found by its reference', async ({ page }) => {
  const tag = `e2e${uniqueSuffix()}`;
  const original = await reportSignal(page.request, {
    category: 'dumping',
    description: `Matras en zetel ${tag} gedumpt op de stoep.`,
    location: BINNENSTAD,
  });
  const duplicate = await reportSignal(page.request, {
    category: 'dumping',
    description: `Een oude zetel ${tag} en een matras op het voetpad.`,
    location: BINNENSTAD,
  });

  await logIn(page, accounts.officer);
  await page.goto(`/${ZONE}/staff/signals/${duplicate.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Melding ${duplicate.reference}` })).toBeVisible();
  await expect(page.getByText('Geen andere melding is als dubbel hiervan gemarkeerd.')).toBeVisible();

  const search = page.getByRole('searchbox', { name: 'Zoek de oorspronkelijke melding op referentie' });
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(search).toHaveAttribute('aria-invalid', 'true');
  await search.fill(original.reference);
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'meldingen gevonden' })).toHaveText(
    '1 meldingen gevonden.',
  );
  await page.getByRole('button', { name: `Markeren als dubbel van ${original.reference}` }).click();
  const confirm = page.getByRole('button', { name: 'Ja, markeren als dubbel' });
  await expect(confirm).toBeFocused();
  await expect(
    page.getByText(`${duplicate.reference} markeren als dubbel van ${original.reference}?`),
  ).toBeVisible();
  await expectAccessible(page);
  await confirm.click();
  await expect(
    page.getByRole('status').filter({ hasText: `Gemarkeerd als dubbel van ${original.reference}.` }),
  ).toBeVisible();
  await expect(page.getByText('Deze melding is een dubbele melding van')).toBeVisible();
  await expect(page.locator('dl.summary')).toContainText('Afgesloten: dubbele melding');

  // The original lists its duplicate, with a link.
  await page.getByRole('link', { name: original.reference }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: `Melding ${original.reference}` })).toBeVisible();
  await expect(page.getByText('Dubbele meldingen hiervan (1):')).toBeVisible();
  await page.getByRole('listitem').getByRole('link', { name: duplicate.reference }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: `Melding ${duplicate.reference}` })).toBeVisible();
});

test('photos show as thumbnails with a text alternative', async ({ page }) => {
  // A tiny PNG (2 × 2 pixels), sent as base64 like the report form does.
  const png =
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';
  const signal = await reportSignal(page.request, {
    category: 'vandalism',
    description: 'Ruiten van het buurthuis ingegooid, zie de foto’s.',
    location: BINNENSTAD,
    photos: [{ data: png }, { data: png }],
  });
  await logIn(page, accounts.officer);
  await page.goto(`/${ZONE}/staff/signals/${signal.id}`);
  await expect(page.getByRole('heading', { level: 2, name: "Foto's (2)" })).toBeVisible();
  const first = page.getByRole('img', { name: `Foto 1 van 2 bij melding ${signal.reference}` });
  await expect(first).toBeVisible();
  await expect(page.getByRole('img', { name: `Foto 2 van 2 bij melding ${signal.reference}` })).toBeVisible();
  await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});
