/**
 * A resident reports on a phone: category, place, what happened, a photo,
 * contact details; in every language. Blocked categories stop the form; the
 * anti-profiling rule refuses an account of appearance; a lost connection
 * loses nothing and creates nothing twice; the draft survives a reload;
 * open reports of the same kind nearby can be followed instead.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible } from './support/axe.ts';
import { ZONE, logInSupervisor } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test.use({ viewport: { width: 390, height: 844 } });

type Language = 'nl' | 'fr' | 'de' | 'en';

interface Category {
  code: string;
  name: Record<Language, string>;
  questions: { code: string; options: { key: string; label: Record<Language, string> }[] }[];
}

const languageButton: Record<Language, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
};

const texts: Record<
  Language,
  {
    nav: string;
    title: string;
    send: string;
    done: string;
    placeIn: RegExp;
    photoAlt: string;
    description: string;
    mail: string;
  }
> = {
  nl: {
    nav: 'Melden',
    title: 'Een probleem melden',
    send: 'Melding versturen',
    done: 'Bedankt: je melding is ontvangen',
    placeIn: /^Gekozen plaats: in /,
    photoAlt: 'Foto 1: fiets.png',
    description: 'Mijn fiets werd gisteren gestolen aan het station, het slot was doorgeknipt.',
    mail: 'We mailen het antwoord van de politie ook naar',
  },
  fr: {
    nav: 'Signaler',
    title: 'Signaler un problème',
    send: 'Envoyer le signalement',
    done: 'Merci : votre signalement a été reçu',
    placeIn: /^Lieu choisi : à /,
    photoAlt: 'Photo 1 : fiets.png',
    description: 'Mon vélo a été volé hier près de la gare, le cadenas avait été coupé.',
    mail: 'Nous enverrons aussi la réponse de la police à',
  },
  de: {
    nav: 'Melden',
    title: 'Ein Problem melden',
    send: 'Meldung senden',
    done: 'Danke: Ihre Meldung ist eingegangen',
    placeIn: /^Gewählter Ort: in /,
    photoAlt: 'Foto 1: fiets.png',
    description: 'Mein Fahrrad wurde gestern am Bahnhof gestohlen, das Schloss war durchtrennt.',
    mail: 'Wir senden die Antwort der Polizei auch an',
  },
  en: {
    nav: 'Report',
    title: 'Report a problem',
    send: 'Send report',
    done: 'Thank you: your report has been received',
    placeIn: /^Chosen place: in /,
    photoAlt: 'Photo 1: fiets.png',
    description: 'My bicycle was stolen yesterday at the station, the lock had been cut.',
    mail: "We will also mail the police's answer to",
  },
};

async function categories(request: APIRequestContext): Promise<Map<string, Category>> {
  const list = (await (await request.get(`/api/zones/${ZONE}/categories`)).json()) as Category[];
  return new Map(list.map((c) => [c.code, c]));
}

/** A picture as a phone would take it: larger than the 1,600 px the browser scales it to. */
async function photo(format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const image = sharp({
    create: { width: 2400, height: 1800, channels: 3, background: { r: 40, g: 90, b: 160 } },
  });
  return format === 'png' ? image.png().toBuffer() : image.jpeg().toBuffer();
}

/** `YYYY-MM-DDTHH:mm`, hours ago, in the browser's (= this machine's) time zone. */
function localInput(hoursAgo: number): string {
  const at = new Date(Date.now() - hoursAgo * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** Chooses the place with "use my location" at a known point. */
async function useLocation(page: Page, lon: number, lat: number): Promise<void> {
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation({ longitude: lon, latitude: lat });
  await page.locator('.locate button').click();
}

const placeStatus = (page: Page) => page.locator('#place-status');

for (const language of ['nl', 'fr', 'de', 'en'] as const) {
  test(`a resident on a phone reports with a photo in ${languageButton[language]}`, async ({
    page,
    request,
  }) => {
    const text = texts[language];
    const vehicle = (await categories(request)).get('vehicle-crime') as Category;
    await page.goto(`/${ZONE}`);
    await page.getByRole('button', { name: languageButton[language] }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.locator('nav').getByRole('link', { name: text.nav, exact: true }).click();
    await expect(page).toHaveURL(`/${ZONE}/report`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.title);

    await page.getByRole('radio', { name: vehicle.name[language] }).check();
    await expect(page.locator('.category-info')).toContainText('7');

    // A tap on the map (its centre lies in Wondelgem) chooses the place.
    const map = page.locator('.place-picker .map');
    await expect(page.locator('.leaflet-interactive').first()).toBeVisible();
    await map.click();
    await expect(placeStatus(page).locator('strong')).toHaveText(text.placeIn);

    await page.locator('#report-description').fill(text.description);
    await page.locator('#report-occurred').fill(localInput(20));
    const option =
      vehicle.questions[0]?.options.find((o) => o.key === 'bicycle') ?? vehicle.questions[0]?.options[0];
    await page.getByRole('radio', { name: option?.label[language] ?? '', exact: true }).check();

    await page.locator('#report-photos').setInputFiles({
      name: 'fiets.png',
      mimeType: 'image/png',
      buffer: await photo(),
    });
    const preview = page.getByRole('img', { name: text.photoAlt });
    await expect(preview).toBeVisible();
    // Scaled in the browser to at most 1,600 px (and re-encoded as JPEG).
    await expect(preview).toHaveAttribute('width', '1600');
    await expect(preview).toHaveAttribute('src', /^data:image\/jpeg;base64,/);

    await page.locator('#report-name').fill('Jan Peeters');
    await page.locator('#report-email').fill(`jan.${language}@example.org`);
    await expectAccessible(page);

    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith(`/api/zones/${ZONE}/signals`) && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: text.send }).click(),
    ]);
    expect(response.status()).toBe(201);
    const created = (await response.json()) as { id: string; reference: string };
    const body = JSON.parse(response.request().postData() ?? '{}') as Record<string, unknown>;
    expect(body['language']).toBe(language);
    expect((body['photos'] as unknown[]).length).toBe(1);

    await expect(page.getByRole('heading', { name: text.done })).toBeFocused();
    await expect(page.getByTestId('signal-reference')).toHaveText(created.reference);
    await expect(page.locator('#tracking-link-text')).toHaveValue(/\/track\/[A-Za-z0-9_-]{20,}$/);
    await expect(page.getByText(text.mail)).toBeVisible();
    if (language === 'en') {
      // The copy button puts the whole link on the clipboard and says so.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect(page.getByText('The link is copied.')).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await page.locator('#tracking-link-text').inputValue());
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    // The draft is gone once the server has stored the report.
    expect(await page.evaluate(() => localStorage.getItem('nabij.report-draft.gent'))).toBeNull();

    // The photo arrived (the server keeps it without metadata). One login is enough to check that.
    if (language !== 'nl') return;
    await logInSupervisor(request);
    const detail = (await (await request.get(`/api/zones/${ZONE}/staff/signals/${created.id}`)).json()) as {
      photos: { width: number }[];
    };
    expect(detail.photos).toHaveLength(1);
    expect(detail.photos[0]?.width).toBe(1600);
  });
}

test('a category with a blocking notice shows it and cannot be sent', async ({ page }) => {
  await page.goto(`/${ZONE}/report`);
  await page.getByRole('radio', { name: 'Iets dat nu gebeurt' }).check();
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('Bel meteen 112 (nood) of 101 (politie)');
  await expect(notice.getByRole('link', { name: 'Bel 112' })).toHaveAttribute('href', 'tel:112');
  await expect(notice.getByRole('link', { name: 'Bel 101' })).toHaveAttribute('href', 'tel:101');
  await expect(page.getByRole('button', { name: 'Melding versturen' })).toHaveCount(0);
  await expect(page.locator('#report-description')).toHaveCount(0);
  await expectAccessible(page);
  // Another category brings the form back.
  await page.getByRole('radio', { name: 'Geluidsoverlast' }).check();
  await expect(page.getByRole('button', { name: 'Melding versturen' })).toBeVisible();
  await expect(page.locator('.category-info')).toContainText('Je krijgt binnen 14 dagen een antwoord.');
});

test('suspicious behaviour: appearance alone is refused beside the field, behaviour passes', async ({
  page,
}) => {
  await page.goto(`/${ZONE}/report`);
  await page.getByRole('radio', { name: 'Verdacht gedrag' }).check();
  await expect(page.getByRole('heading', { name: 'Beschrijf gedrag, geen uiterlijk' })).toBeVisible();
  const behaviour = page.getByLabel(/^Wat deed de persoon\?/);
  const person = page.getByLabel(/^Beschrijving van de persoon/);
  // Behaviour first, the person's description last and optional.
  const order = await page.evaluate(() => {
    const a = document.getElementById('report-description');
    const b = document.getElementById('report-person');
    return a && b ? a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
  await expect(page.locator('label[for="report-person"]')).toContainText('(optioneel)');
  await expect(page.locator('#report-person-hint')).toContainText(
    'Uiterlijk alleen is geen reden voor politieaandacht',
  );

  await page.getByRole('button', { name: 'Gebruik het midden van de kaart' }).click();
  await expect(placeStatus(page).locator('strong')).toHaveText(/^Gekozen plaats: in /);
  await behaviour.fill('Een zwarte man met een hoodie en een baard');
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(page.locator('#report-description-error')).toHaveText(
    'Je melding beschrijft hoe iemand eruitziet, niet wat die persoon deed. Uiterlijk alleen is geen reden voor politieaandacht: beschrijf het gedrag dat je verontrustte.',
  );
  await expect(behaviour).toHaveAttribute('aria-invalid', 'true');
  await expect(behaviour).toBeFocused();
  await expectAccessible(page);

  await behaviour.fill(
    "Probeerde rond 23 uur de deurklinken van drie geparkeerde auto's in onze straat, één voor één.",
  );
  await person.fill('Had een breekijzer bij zich.');
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith(`/api/zones/${ZONE}/signals`) && r.request().method() === 'POST',
    ),
    page.getByRole('button', { name: 'Melding versturen' }).click(),
  ]);
  expect(response.status()).toBe(201);
  await expect(page.getByRole('heading', { name: 'Bedankt: je melding is ontvangen' })).toBeVisible();
  await expect(page.getByText('Je gaf geen e-mailadres')).toBeVisible();
});

test('missing fields are named beside them before anything is sent', async ({ page }) => {
  await page.goto(`/${ZONE}/report`);
  await page.getByRole('radio', { name: 'Sluikstort' }).check();
  await page.locator('#report-email').fill('not-an-address');
  await page.locator('#report-description').fill('kort');
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(page.locator('#location-error')).toContainText('Kies de plaats');
  await expect(page.locator('#report-description-error')).toHaveText('Schrijf minstens 10 tekens.');
  await expect(page.locator('#report-email-error')).toBeVisible();
  await expect(page.locator('#report-form-error')).toContainText('(3)');
  await expect(page.locator('#place-area')).toBeFocused();
  await expectAccessible(page);
});

test('a lost connection loses nothing and creates nothing twice', async ({
  page,
  request,
  consoleErrors,
}) => {
  const marker = `retrytest${Date.now()}`;
  await page.goto(`/${ZONE}/report`);
  await page.getByRole('radio', { name: 'Vandalisme' }).check();
  await page.getByLabel('Of kies de wijk').selectOption({ label: 'Binnenstad' });
  await expect(placeStatus(page).locator('strong')).toHaveText('Gekozen plaats: in Binnenstad');
  await expect(placeStatus(page)).toContainText('Alleen de wijk is gekend');
  await page.locator('#report-description').fill(`Bushokje vernield aan de Korenmarkt (${marker}).`);
  await page.locator('#report-anonymous').check();
  await expect(page.locator('#report-email')).toBeDisabled();

  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/api/zones/${ZONE}/signals`))
      posts.push(r.headers()['idempotency-key'] ?? '');
  });

  // 1. The request never leaves the phone.
  await page.route(`**/api/zones/${ZONE}/signals`, (route) => route.abort('internetdisconnected'), {
    times: 1,
  });
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  const retry = page.getByRole('heading', { name: 'Je melding is nog niet bevestigd' });
  await expect(retry).toBeFocused();
  await expect(page.getByText('Er gaat niets verloren: ze blijft op dit toestel bewaard')).toBeVisible();
  await expectAccessible(page);

  // 2. The server stores it, but its answer is lost on the way back.
  let stored: { reference: string } | null = null;
  await page.route(
    `**/api/zones/${ZONE}/signals`,
    async (route) => {
      const response = await route.fetch();
      expect(response.status()).toBe(201);
      stored = (await response.json()) as { reference: string };
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect.poll(() => stored).not.toBeNull();
  await expect(retry).toBeVisible();
  await expect(page.getByTestId('signal-reference')).toHaveCount(0);

  // 3. The connection is back: the same key gets the same signal, not a second one.
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith(`/api/zones/${ZONE}/signals`) && r.request().method() === 'POST',
    ),
    page.getByRole('button', { name: 'Opnieuw proberen' }).click(),
  ]);
  expect(response.status()).toBe(201);
  expect(response.headers()['idempotent-replayed']).toBe('true');
  await expect(page.getByTestId('signal-reference')).toHaveText(
    (stored as unknown as { reference: string }).reference,
  );
  expect(posts).toHaveLength(3);
  expect(new Set(posts).size).toBe(1);

  await logInSupervisor(request);
  const queue = (await (await request.get(`/api/zones/${ZONE}/staff/signals?search=${marker}`)).json()) as {
    items: { reference: string }[];
  };
  expect(queue.items.map((i) => i.reference)).toEqual([
    (stored as unknown as { reference: string }).reference,
  ]);

  // The browser reports the two provoked network failures; they are the point of this test.
  const provoked = /ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET|ERR_FAILED/;
  const others = consoleErrors.filter((message) => !provoked.test(message));
  consoleErrors.splice(0, consoleErrors.length, ...others);
});

test('the draft survives a reload, photo included, and can be discarded', async ({ page }) => {
  await page.goto(`/${ZONE}/report`);
  await page.getByRole('radio', { name: 'Geluidsoverlast' }).check();
  await page.getByRole('button', { name: 'Gebruik het midden van de kaart' }).click();
  await expect(placeStatus(page).locator('strong')).toHaveText(/^Gekozen plaats: in /);
  const place = await placeStatus(page).locator('strong').textContent();
  await page.locator('#report-description').fill('Elke zaterdag tot 4 uur luide muziek uit een garage.');
  await page.locator('#report-photos').setInputFiles({
    name: 'garage.jpg',
    mimeType: 'image/jpeg',
    buffer: await photo('jpeg'),
  });
  await expect(page.getByRole('img', { name: 'Foto 1: garage.jpg' })).toBeVisible();
  await page.locator('#report-phone').fill('+32 9 123 45 67');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('nabij.report-draft.gent') ?? ''))
    .toContain('+32 9 123 45 67');

  await page.reload();
  await expect(page.getByText(/^We hebben de melding teruggezet die je begon op/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Geluidsoverlast' })).toBeChecked();
  await expect(page.locator('#report-description')).toHaveValue(
    'Elke zaterdag tot 4 uur luide muziek uit een garage.',
  );
  await expect(page.locator('#report-phone')).toHaveValue('+32 9 123 45 67');
  await expect(placeStatus(page).locator('strong')).toHaveText(place ?? '');
  await expect(page.getByRole('img', { name: 'Foto 1: garage.jpg' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Dit concept wissen en opnieuw beginnen' }).first().click();
  await expect(page.getByRole('radio', { name: 'Geluidsoverlast' })).not.toBeChecked();
  await expect(page.locator('#report-description')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(/^We hebben de melding teruggezet/)).toHaveCount(0);
});

test('an open report nearby can be followed instead of reporting it again', async ({ page, request }) => {
  // The first report of drugs dealing at a corner in the city centre.
  const first = (await (
    await request.post(`/api/zones/${ZONE}/signals`, {
      data: {
        category: 'drugs',
        description: 'Elke avond wordt er gedeald op de hoek van het plein.',
        location: { lon: 3.7243, lat: 51.0512 },
        anonymous: true,
      },
    })
  ).json()) as { reference: string };

  await page.goto(`/${ZONE}/report`);
  await page.getByRole('radio', { name: 'Drugs' }).check();
  await useLocation(page, 3.7244, 51.0511);
  await expect(placeStatus(page).locator('strong')).toHaveText('Gekozen plaats: in Binnenstad');
  const nearby = page.getByRole('region', { name: /^Al gemeld in de buurt\?/ });
  const item = nearby.getByRole('listitem').filter({ hasText: first.reference });
  await expect(item).toContainText('Drugs');
  await expect(item).toContainText('Open');
  await expect(item).toContainText(/± \d+ m van jouw plaats/);
  await expect(item).toContainText('Nog geen publieke samenvatting.');
  await expectAccessible(page);

  await item.getByRole('button', { name: `Volg liever deze melding: ${first.reference}` }).click();
  await expect(page.getByLabel(/^Je e-mailadres/)).toBeFocused();
  await page.getByLabel(/^Je e-mailadres/).fill('buur@example.org');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/followers') && r.request().method() === 'POST'),
    item.getByRole('button', { name: 'Volgen', exact: true }).click(),
  ]);
  expect(response.status()).toBe(201);
  expect(response.request().headers()['idempotency-key']).toMatch(/^report-[0-9a-f]{32}$/);
  await expect(page.getByRole('heading', { name: `Je volgt nu melding ${first.reference}` })).toBeFocused();
  await expect(page.getByText('We mailen de antwoorden ook naar buur@example.org.')).toBeVisible();
  const link = await page.locator('#follow-link-text').inputValue();
  expect(link).toMatch(/\/track\/[A-Za-z0-9_-]{20,}$/);
  await expectAccessible(page);

  // The follower sees the public view: no description of the reporter.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Melding ${first.reference}`);
  await expect(page.getByText('Een melding die je volgt.')).toBeVisible();
  await expect(page.getByText('Elke avond wordt er gedeald')).toHaveCount(0);
});

test('photos: files that are not images are refused; at most three; each can be removed', async ({
  page,
}) => {
  await page.goto(`/${ZONE}/report`);
  await page.getByRole('radio', { name: 'Sluikstort' }).check();
  const input = page.getByLabel(/^Foto's toevoegen \(maximaal 3\)/);
  await input.setInputFiles({
    name: 'notities.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('geen foto'),
  });
  await expect(
    page.getByText('notities.txt is geen foto. Kies een JPEG-, PNG- of WebP-afbeelding.'),
  ).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.setInputFiles({
    name: 'kapot.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('not really a jpeg'),
  });
  await expect(page.getByText(/^kapot\.jpg kon niet worden gelezen/)).toBeVisible();

  const image = await photo('jpeg');
  await input.setInputFiles(
    ['a', 'b', 'c', 'd'].map((name) => ({ name: `${name}.jpg`, mimeType: 'image/jpeg', buffer: image })),
  );
  await expect(page.getByRole('img', { name: /^Foto \d: [abc]\.jpg$/ })).toHaveCount(3);
  await expect(page.getByText("d.jpg: niet toegevoegd, maximaal 3 foto's.")).toBeVisible();
  await expect(input).toBeDisabled();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Foto 2 verwijderen' }).click();
  await expect(page.getByRole('img', { name: /^Foto \d/ })).toHaveCount(2);
  await expect(page.getByRole('img', { name: 'Foto 2: c.jpg' })).toBeVisible();
  await expect(input).toBeEnabled();
  await expect(input).toBeFocused();
});

test('a place outside the zone is refused before sending', async ({ page }) => {
  await page.goto(`/${ZONE}/report`);
  await page.getByRole('radio', { name: 'Sluikstort' }).check();
  await useLocation(page, 4.35, 50.85);
  await expect(placeStatus(page)).toContainText('Deze plaats ligt buiten Politiezone Gent (demo).');
  await page.locator('#report-description').fill('Een berg afval naast de container.');
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(page.locator('#location-error')).toHaveText(
    'Deze plaats ligt buiten de zone. Kies een plaats binnen de zone.',
  );
  expect(posts).toEqual([]);
  await expectAccessible(page);
});
