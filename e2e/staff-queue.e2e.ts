/**
 * The staff's queue of signals: the demo officer (Sarah De Smet, usual officer
 * of Binnenstad) sees new signals of her neighbourhood under "mine", narrows
 * the list with filters that live in the URL (so a link shares them), and
 * the analyst reads the queue and a signal without any action to take.
 */
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { accounts, logIn, ZONE } from './support/demo.ts';
import { BINNENSTAD, BLOEMEKENSWIJK, reportSignal } from './support/signals.ts';
import { uniqueSuffix } from './support/unique.ts';

test('an officer finds new signals of her neighbourhood under "mine" and shares a filtered list', async ({
  page,
}) => {
  const tag = `e2e${uniqueSuffix()}`;
  const dumping = await reportSignal(page.request, {
    category: 'dumping',
    description: `Zakken afval ${tag} naast de glasbak op het plein.`,
    location: BINNENSTAD,
  });
  const noise = await reportSignal(page.request, {
    category: 'noise',
    description: `Luide muziek ${tag} uit het café, elke nacht opnieuw.`,
    location: BINNENSTAD,
  });
  const elsewhere = await reportSignal(page.request, {
    category: 'noise',
    description: `Luide muziek ${tag} in een andere wijk, elke nacht.`,
    location: BLOEMEKENSWIJK,
  });

  await logIn(page, accounts.officer);
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Meldingen' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${ZONE}/staff/signals$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeFocused();
  const scopes = page.getByRole('navigation', { name: 'Welke meldingen' });
  await expect(scopes.getByRole('link', { name: 'Mijn meldingen' })).toHaveAttribute('aria-current', 'page');

  const table = page.getByRole('region', { name: 'Meldingen in de lijst' });
  const dumpingRow = table.getByRole('row', { name: new RegExp(dumping.reference) });
  await expect(dumpingRow).toContainText('Binnenstad');
  await expect(dumpingRow).toContainText('Sluikstort');
  await expect(dumpingRow).toContainText('Nieuw');
  await expect(dumpingRow).toContainText('Website');
  await expect(dumpingRow).toContainText('Publieke tekst te modereren');
  await expect(table.getByRole('link', { name: noise.reference })).toBeVisible();
  // Bloemekenswijk is not Sarah's: not in "mine".
  await expect(table.getByRole('link', { name: elsewhere.reference })).toHaveCount(0);
  await expectAccessible(page);

  // Narrow the list: words of the description and a category; the URL keeps the filters.
  await page.getByLabel('Referentie of woorden uit de beschrijving').fill(tag);
  await page.getByLabel('Categorie', { exact: true }).selectOption({ label: 'Sluikstort' });
  await page.getByRole('button', { name: 'Meldingen tonen' }).click();
  await expect(page).toHaveURL(new RegExp(`scope=mine.*category=dumping.*search=${tag}`));
  await expect(page.getByRole('status').filter({ hasText: 'meldingen' })).toHaveText('1 meldingen.');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.getByRole('link', { name: dumping.reference })).toBeVisible();

  // A shared link opens the same filtered list.
  const shared = page.url();
  await page.goto('about:blank');
  await page.goto(shared);
  await expect(page.getByLabel('Referentie of woorden uit de beschrijving')).toHaveValue(tag);
  await expect(page.getByLabel('Categorie', { exact: true })).toHaveValue('dumping');
  await expect(table.locator('tbody tr')).toHaveCount(1);

  // Everything she may see (her role covers the whole zone): the other neighbourhood too.
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await page.getByLabel('Referentie of woorden uit de beschrijving').fill(tag);
  await page.getByRole('button', { name: 'Meldingen tonen' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await scopes.getByRole('link', { name: 'Alle die ik mag zien' }).click();
  await expect(page).toHaveURL(/scope=all/);
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.getByRole('link', { name: elsewhere.reference })).toBeVisible();

  // Per neighbourhood, and a search by reference.
  await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Bloemekenswijk' });
  await page.getByRole('button', { name: 'Meldingen tonen' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await page.getByLabel('Referentie of woorden uit de beschrijving').fill(noise.reference);
  await page.getByRole('button', { name: 'Meldingen tonen' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.getByRole('link', { name: noise.reference })).toBeVisible();

  // Older than a week: none of today's signals.
  await page.getByLabel('Ouder dan (dagen)').fill('7');
  await page.getByRole('button', { name: 'Meldingen tonen' }).click();
  await expect(page.getByRole('paragraph').filter({ hasText: 'Geen meldingen gevonden.' })).toBeVisible();
  await page.getByLabel('Ouder dan (dagen)').fill('een week');
  await page.getByRole('button', { name: 'Meldingen tonen' }).click();
  await expect(page.getByLabel('Ouder dan (dagen)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Ouder dan (dagen)')).toBeFocused();

  // The signal opens from the list, and "back" returns to the list.
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await table.getByRole('link', { name: noise.reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Melding ${noise.reference}` })).toBeFocused();
  await page.getByRole('link', { name: 'Terug naar de meldingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
});

test('the analyst reads the queue and a signal, with no action offered', async ({ page }) => {
  const tag = `e2e${uniqueSuffix()}`;
  const signal = await reportSignal(page.request, {
    category: 'vandalism',
    description: `Graffiti ${tag} op de gevel van het buurthuis.`,
    location: BINNENSTAD,
    reporter: { email: `melder-${tag}@example.org` },
  });
  await logIn(page, accounts.analyst);
  await page.goto(`/${ZONE}/staff/signals`);
  // Not an officer: the list starts with everything the analyst may see.
  await expect(
    page
      .getByRole('navigation', { name: 'Welke meldingen' })
      .getByRole('link', { name: 'Alle die ik mag zien' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Een melding registreren' })).toHaveCount(0);
  await page.getByRole('link', { name: signal.reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Melding ${signal.reference}` })).toBeVisible();
  await expect(page.getByText(`Graffiti ${tag} op de gevel van het buurthuis.`)).toBeVisible();
  await expect(page.getByText('Je kunt meldingen lezen.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Antwoord publiceren' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Wijzigingen opslaan' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Notitie toevoegen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Contactgegevens van de melder tonen/ })).toHaveCount(0);
  await expect(page.getByText('Alleen wijkinspecteurs, leidinggevenden en beheerders mogen')).toBeVisible();
  await expectAccessible(page);
});

test('a signal that does not exist is answered as not found or not in your neighbourhoods', async ({
  page,
}) => {
  await logIn(page, accounts.officer);
  await page.goto(`/${ZONE}/staff/signals/01a22500-0000-7000-8000-000000000000`);
  await expect(page.getByRole('heading', { level: 2, name: 'Melding niet gevonden' })).toBeVisible();
  await expect(
    page.getByText('Deze melding bestaat niet, of ze ligt buiten de wijken die je opvolgt.'),
  ).toBeVisible();
  await expectAccessible(page);
});

test('a visitor is asked to log in for the queue', async ({ page }) => {
  await page.goto(`/${ZONE}/staff/signals`);
  await expect(page.getByText('Meld je aan om deze pagina te zien.')).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Meldingen' }),
  ).toHaveCount(0);
});
