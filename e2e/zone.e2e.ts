/** The zone page: contact, opening hours, staffing against the norm. */
import { expectAccessible } from './support/axe.ts';
import { ZONE } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test('shows contact and staffing against the norm, and passes axe', async ({ page }) => {
  await page.goto(`/${ZONE}/about`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Politiezone Gent (demo)');
  const contact = page.getByRole('region', { name: 'Contact' });
  await expect(contact.getByRole('link', { name: '+32 9 000 00 00' })).toHaveAttribute(
    'href',
    'tel:+3290000000',
  );
  await expect(contact.getByRole('link', { name: 'contact@demo.nabij.example' })).toHaveAttribute(
    'href',
    'mailto:contact@demo.nabij.example',
  );
  await expect(contact).toContainText('Ma–vr 8–20 u');

  const staffing = page.getByRole('region', { name: 'Wijkwerking: bezetting' });
  const figure = (label: string) =>
    staffing
      .locator('.figure')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('dd');
  await expect(figure('Inwoners')).toHaveText('263.926');
  await expect(figure('Wijkinspecteurs')).toHaveText('12');
  await expect(figure('Nodig volgens de norm (1 per 4.000)')).toHaveText('66');
  await expect(figure('Dekking van de norm')).toHaveText(/18\s?%/);
  await expect(figure('Wijken zonder inspecteur')).toHaveText('2 van 25');

  const table = page.getByRole('table', { name: 'Bezetting per wijk' });
  await expect(table.locator('tbody tr')).toHaveCount(25);
  const drongen = table.getByRole('row', { name: /^Drongen/ });
  await expect(drongen.getByRole('cell').nth(0)).toHaveText('42.818');
  await expect(drongen.getByRole('cell').nth(1)).toHaveText('10,7');
  await expect(drongen.getByRole('cell').nth(2)).toHaveText('geen');

  // The chart is one named image; its inner groups carry no aria-label (axe's aria-prohibited-attr).
  const chart = page.getByRole('img', { name: /Inwoners per wijkinspecteur/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('[aria-label]')).toHaveCount(0);
  await expectAccessible(page);
});

test('the staffing texts follow the language', async ({ page }) => {
  await page.goto(`/${ZONE}/about`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('table', { name: 'Staffing per neighbourhood' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Inhabitants per neighbourhood inspector/ })).toBeVisible();
  const perInspector = page
    .locator('.figure')
    .filter({ has: page.getByText('Inhabitants per inspector', { exact: true }) });
  // Numbers follow Belgian conventions in every language (en-BE groups thousands with a dot).
  await expect(perInspector.locator('dd')).toHaveText('21.994');
  await expectAccessible(page);
});

test('works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/${ZONE}/about`);
  await expect(page.getByRole('table', { name: 'Bezetting per wijk' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
