/**
 * Recording a signal taken by phone: the supervisor fills the compact form
 * (channel, category with its extra question, the neighbourhood's centre,
 * the reporter with consent), gets the reference, and finds the signal with
 * its channel kept. A category that refers residents elsewhere online can be
 * recorded by staff.
 */
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { accounts, logIn, ZONE } from './support/demo.ts';

test('the supervisor records a phone call and finds the signal with its channel', async ({ page }) => {
  const tag = `e2e${Date.now().toString(36)}`;
  await logIn(page, accounts.supervisor);
  await page.goto(`/${ZONE}/staff/signals`);
  await page.getByRole('link', { name: 'Een melding registreren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Een melding registreren' })).toBeFocused();
  await expect(page.getByLabel('Kanaal')).toHaveValue('phone');
  await expectAccessible(page);

  // What is missing is said at each field, and focus goes to the first.
  await page.getByRole('button', { name: 'Melding registreren' }).click();
  await expect(page.getByLabel('Categorie')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Categorie')).toBeFocused();
  await expect(page.getByText('Kies een categorie.')).toBeVisible();
  await expect(page.getByText('Kies de plaats op de kaart of een wijk.')).toBeVisible();

  // A category residents are referred elsewhere for: staff may record it.
  await page.getByLabel('Categorie').selectOption({ label: 'Iets dat nu gebeurt (Dringend)' });
  await expect(page.getByText('Bewoners worden hiervoor online doorverwezen')).toBeVisible();
  await expect(page.getByText(/Bel meteen 112/)).toBeVisible();

  await page.getByLabel('Categorie').selectOption({ label: 'Diefstal van of uit voertuig' });
  await page.getByLabel('Welk voertuig? (niet verplicht)').selectOption({ label: 'Fiets' });
  await page
    .getByLabel('Wat is er gebeurd?')
    .fill(`Fiets ${tag} gestolen aan de Korenmarkt, slot doorgeknipt.`);
  await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Binnenstad' });
  await expect(page.getByRole('status').filter({ hasText: 'Plaats:' })).toHaveText(
    'Plaats: het midden van Binnenstad.',
  );
  await page.getByLabel('Naam').fill('Marie Claes');
  await page.getByLabel('Telefoon').fill('09 123 45 67');
  await page.getByLabel('De melder gaat akkoord dat partners').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Melding registreren' }).click();

  const done = page.getByRole('heading', { level: 2, name: /^Melding GENT-\d{4}-\d{5} is geregistreerd$/ });
  await expect(done).toBeFocused();
  const reference = ((await done.textContent()) ?? '').match(/GENT-\d{4}-\d{5}/)?.[0] ?? '';
  await expect(page.getByText('Opvolglink voor de melder (alleen nu getoond):')).toBeVisible();
  // The form is empty again for the next call.
  await expect(page.getByLabel('Wat is er gebeurd?')).toHaveValue('');

  await page.getByRole('link', { name: `Melding ${reference} openen` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Melding ${reference}` })).toBeVisible();
  const facts = page.locator('dl.summary');
  await expect(facts).toContainText('Telefoon');
  await expect(facts).toContainText('Binnenstad');
  await expect(page.getByRole('term').filter({ hasText: 'Welk voertuig?' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Fiets' }).first()).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Tijdlijn' })
      .getByRole('listitem')
      .filter({ hasText: 'Ontvangen via: Telefoon.' }),
  ).toContainText('Demo supervisor');

  // In the queue, filtered on the channel.
  await page.goto(`/${ZONE}/staff/signals?scope=all&channel=phone&search=${tag}`);
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
});

test('a suspicious-behaviour call asks what the person did, and the description of the person last', async ({
  page,
}) => {
  await logIn(page, accounts.officer);
  await page.goto(`/${ZONE}/staff/signals/new`);
  await page.getByLabel('Kanaal').selectOption({ label: 'Patrouille' });
  await page.getByLabel('Categorie').selectOption({ label: 'Verdacht gedrag' });
  await expect(page.getByLabel('Wat deed de persoon, waar en wanneer?')).toBeVisible();
  const person = page.getByLabel(
    'Beschrijving van de persoon (als laatste gevraagd, uiterlijk alleen is geen reden) (niet verplicht)',
  );
  await expect(person).toBeVisible();
  // Appearance alone is refused by the server, at the description.
  await page.getByLabel('Wat deed de persoon, waar en wanneer?').fill('Een man met een zwarte hoodie.');
  await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Binnenstad' });
  await page.getByLabel('De melder blijft anoniem').check();
  await page.getByRole('button', { name: 'Melding registreren' }).click();
  const description = page.getByLabel('Wat deed de persoon, waar en wanneer?');
  await expect(description).toHaveAttribute('aria-invalid', 'true');
  await expect(description).toBeFocused();
  await expectAccessible(page);

  await description.fill('Probeerde om middernacht de deurklinken van drie geparkeerde auto’s in de straat.');
  await person.fill('Rode muts');
  await page.getByRole('button', { name: 'Melding registreren' }).click();
  const done = page.getByRole('heading', { level: 2, name: /is geregistreerd$/ });
  await expect(done).toBeFocused();
  const reference = ((await done.textContent()) ?? '').match(/GENT-\d{4}-\d{5}/)?.[0] ?? '';
  await page.getByRole('link', { name: `Melding ${reference} openen` }).click();
  await expect(
    page.getByRole('term').filter({
      hasText: 'Beschrijving van de persoon (als laatste gevraagd, uiterlijk alleen is geen reden)',
    }),
  ).toBeVisible();
  await expect(
    page.getByText('Geen contactgegevens: de melder bleef anoniem of liet er geen achter.'),
  ).toBeVisible();
});
