/**
 * The administrator's categories page: a new category with a required extra
 * question (options in several languages, reordered) and a partner added on
 * the spot; the status workflow (read only); an answer template. The report
 * API then asks the new question as required.
 */
import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { accounts, expectNoAccess, logIn, logInAsAdmin, ZONE } from './support/demo.ts';

test('an administrator adds a category with a required question, and an answer template', async ({
  page,
  request,
}) => {
  const code = `e2e-${Date.now().toString(36)}`;
  await logInAsAdmin(page);
  await page.goto(`/${ZONE}/admin`);
  await page.getByRole('link', { name: 'Categorieën en antwoorden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Categorieën en antwoorden' })).toBeFocused();
  const table = page.getByRole('region', { name: 'Categorieën van meldingen' });
  await expect(table.getByRole('row', { name: /Verdacht gedrag/ })).toContainText('Vraagt naar gedrag');
  await expect(table.getByRole('row', { name: /Intrafamiliaal of seksueel geweld/ })).toContainText(
    'Gevoelig',
  );

  // The workflow, read only.
  const workflow = page.getByRole('region', { name: 'Statussen en de statussen die mogen volgen' });
  await expect(workflow.getByRole('row', { name: /^Nieuw/ })).toContainText('eerste status');
  await expect(workflow.getByRole('row', { name: /^Afgesloten: beantwoord/ })).toContainText(
    'In behandeling',
  );
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Een categorie toevoegen' });
  // Checks before sending: the code, a name, and a question's code and label.
  await form.getByRole('button', { name: 'Een vraag toevoegen' }).click();
  await expect(form.getByLabel('Code', { exact: true }).nth(1)).toBeFocused();
  await form.getByRole('button', { name: 'Categorie toevoegen' }).click();
  const codeField = form.getByLabel('Code', { exact: true }).first();
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  await expect(codeField).toBeFocused();
  await expect(form.getByText('Geef de naam in minstens één taal.')).toBeVisible();
  await expect(
    form.getByText('Gebruik kleine letters, cijfers en _, te beginnen met een letter.'),
  ).toBeVisible();

  await codeField.fill(code);
  const names = form.getByRole('group', { name: 'Naam', exact: true });
  await names.getByLabel('Nederlands').fill(`Fietswrakken ${code}`);
  await names.getByLabel('English').fill(`Bicycle wrecks ${code}`);
  await form.getByLabel('Soort', { exact: true }).selectOption({ label: 'Leefbaarheid' });
  await form.getByLabel('Antwoord binnen (dagen)').fill('7');
  await form.getByLabel('Dringend', { exact: true }).check();

  // A partner, added without leaving the form.
  await form.getByRole('button', { name: 'Een partner toevoegen' }).click();
  await form.getByLabel('Naam van de organisatie').fill(`Fietsdienst ${code}`);
  await form.getByLabel('E-mailadres (niet verplicht)').fill(`fiets-${code}@example.org`);
  await form.getByRole('button', { name: 'Partner opslaan' }).click();
  await expect(form.getByLabel('Partner', { exact: true })).toBeFocused();
  await expect(form.getByLabel('Partner', { exact: true }).locator('option:checked')).toHaveText(
    `Fietsdienst ${code}`,
  );

  // The required question with two options, the second moved up.
  const question = form.getByRole('group', { name: /^Vraag 1:/ });
  await question.getByLabel('Code', { exact: true }).fill('waar_gestald');
  await question.getByLabel('Soort antwoord').selectOption({ label: 'Eén keuze' });
  await question.getByLabel('Een antwoord is verplicht').check();
  const label = question.getByRole('group', { name: 'Vraag zoals gesteld' });
  await label.getByLabel('Nederlands').fill('Waar staat de fiets?');
  await label.getByLabel('English').fill('Where is the bicycle?');
  await question.getByRole('button', { name: 'Een keuze toevoegen' }).click();
  await expect(question.getByLabel('Sleutel van keuze 1')).toBeFocused();
  await question.getByLabel('Sleutel van keuze 1').fill('rek');
  await question
    .getByRole('group', { name: 'Tekst van keuze 1' })
    .getByLabel('Nederlands')
    .fill('In een fietsenrek');
  await question.getByRole('button', { name: 'Een keuze toevoegen' }).click();
  await question.getByLabel('Sleutel van keuze 2').fill('paal');
  await question
    .getByRole('group', { name: 'Tekst van keuze 2' })
    .getByLabel('Nederlands')
    .fill('Aan een paal');
  await question.getByRole('button', { name: /^Naar boven\s?: Sleutel van keuze 2$/ }).click();
  await expect(question.getByLabel('Sleutel van keuze 1')).toHaveValue('paal');
  await expect(
    question.getByRole('button', { name: /^Naar beneden\s?: Sleutel van keuze 1$/ }),
  ).toBeFocused();
  await expectAccessible(page);

  await form.getByRole('button', { name: 'Categorie toevoegen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `De categorie "Fietswrakken ${code}" is toegevoegd.` }),
  ).toBeVisible();
  const row = table.getByRole('row', { name: new RegExp(`Fietswrakken ${code}`) });
  await expect(row).toContainText('Leefbaarheid');
  await expect(row).toContainText('Dringend');
  await expect(row).toContainText(`Fietsdienst ${code}`);
  await expect(
    row.getByRole('button', { name: new RegExp(`^Wijzigen\\s?: Fietswrakken ${code}$`) }),
  ).toBeFocused();

  // The report form's API now asks the question, as required, options in the chosen order.
  const categories = (await (await page.request.get(`/api/zones/${ZONE}/categories`)).json()) as {
    code: string;
    questions: { code: string; required: boolean; options: { key: string }[] }[];
  }[];
  const created = categories.find((c) => c.code === code);
  expect(created?.questions).toEqual([
    expect.objectContaining({
      code: 'waar_gestald',
      required: true,
      options: [expect.objectContaining({ key: 'paal' }), expect.objectContaining({ key: 'rek' })],
    }),
  ]);
  // Without a session (a resident): the required answer is missing.
  const post = () =>
    request.post(`/api/zones/${ZONE}/signals`, {
      data: {
        category: code,
        description: 'Een fietswrak al weken aan de paal.',
        location: { lon: 3.7245, lat: 51.0535 },
      },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
  let refused = await post();
  if (refused.status() === 429) {
    // Anonymous writes are limited per client and minute; the whole run shares one address.
    const seconds = Number(refused.headers()['retry-after'] ?? '60');
    test.info().setTimeout(test.info().timeout + (seconds + 5) * 1000);
    await page.waitForTimeout((seconds + 1) * 1000);
    refused = await post();
  }
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('answer_invalid');

  // Changing it: the form opens with its values; the code stays fixed.
  await row.getByRole('button', { name: new RegExp(`^Wijzigen\\s?: Fietswrakken ${code}$`) }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: `"Fietswrakken ${code}" wijzigen` }),
  ).toBeFocused();
  const edit = page.getByRole('form', { name: `Categorie Fietswrakken ${code}` });
  await expect(edit.getByText('De code kan niet wijzigen')).toBeVisible();
  await edit.getByLabel('Antwoord binnen (dagen)').fill('10');
  await edit.getByRole('button', { name: 'Categorie opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is opgeslagen' })).toBeVisible();
  await expect(row.getByRole('cell').nth(2)).toHaveText('10');

  // An answer template for a closing status.
  const templateForm = page.locator('#template-form');
  await templateForm.getByRole('button', { name: 'Sjabloon toevoegen' }).click();
  await expect(templateForm.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true');
  await templateForm.getByLabel('Titel').fill(`Opgehaald ${code}`);
  await templateForm.getByLabel('Voor status').selectOption({ label: 'Opgelost volgens de politie' });
  const body = templateForm.getByRole('group', { name: 'Tekst van het antwoord' });
  await body.getByLabel('Nederlands').fill('De stad heeft het fietswrak opgehaald.');
  await body.getByLabel('English').fill('The city has removed the bicycle wreck.');
  await templateForm.getByRole('button', { name: 'Sjabloon toevoegen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Het sjabloon "Opgehaald ${code}" is toegevoegd.` }),
  ).toBeVisible();
  const templateRow = page
    .getByRole('region', { name: 'Antwoordsjablonen' })
    .getByRole('row', { name: new RegExp(`Opgehaald ${code}`) });
  await expect(templateRow).toContainText('Opgelost volgens de politie');
  await expect(templateRow).toContainText('Nederlands, English');
  await expectAccessible(page);

  // Removing asks first.
  await templateRow.getByRole('button', { name: new RegExp(`^Verwijderen\\s?: Opgehaald ${code}$`) }).click();
  await expect(page.getByRole('button', { name: 'Ja, verwijderen' })).toBeFocused();
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(
    templateRow.getByRole('button', { name: new RegExp(`^Verwijderen\\s?: Opgehaald ${code}$`) }),
  ).toBeFocused();
});

test('the categories page is for administrators only', async ({ page }) => {
  await logIn(page, accounts.supervisor);
  await page.goto(`/${ZONE}/admin/categories`);
  await expectNoAccess(page);
});
