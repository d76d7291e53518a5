import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import type { Language } from '../i18n/i18n.ts';
import { translate } from '../i18n/i18n.ts';
import { runJobs } from '../jobs/run-jobs.ts';
import { deliverMail } from './deliver-mail.job.ts';
import { createOutboxTransport } from './mail-transport.ts';

// ---------------------------------------------------------------------------
// A real SMTP server and just enough MIME decoding to read what it received.

interface ReceivedMail {
  mailFrom: string | null;
  rcptTo: string[];
  headers: Map<string, string>;
  parts: { contentType: string; body: string }[];
}

function decodeTransfer(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable': {
      const soft = body.replace(/=\r?\n/g, '');
      const bytes: number[] = [];
      for (let i = 0; i < soft.length; i += 1) {
        const char = soft[i] ?? '';
        const hex = soft.slice(i + 1, i + 3);
        if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
          bytes.push(parseInt(hex, 16));
          i += 2;
        } else {
          bytes.push(...Buffer.from(char, 'utf8'));
        }
      }
      return Buffer.from(bytes);
    }
    default:
      return Buffer.from(body, 'utf8');
  }
}

/** RFC 2047 encoded words (B and Q), joining adjacent words before decoding UTF-8. */
function decodeWords(value: string): string {
  return value.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes = [...run.matchAll(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g)].map(([, kind, text = '']) =>
      kind?.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : decodeTransfer(text.replace(/_/g, ' '), 'quoted-printable'),
    );
    const trailing = /\s+$/.exec(run)?.[0] ?? '';
    return Buffer.concat(bytes).toString('utf8') + trailing;
  });
}

function parseEntity(raw: string): { headers: Map<string, string>; parts: ReceivedMail['parts'] } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.toLowerCase().startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    const parts = sections
      .filter((section) => !section.startsWith('--'))
      .flatMap((section) => parseEntity(section.replace(/^\r\n/, '')).parts);
    return { headers, parts };
  }
  const decoded = decodeTransfer(body, headers.get('content-transfer-encoding')).toString('utf8');
  return {
    headers,
    parts: [{ contentType: contentType.split(';')[0]?.trim().toLowerCase() ?? '', body: decoded }],
  };
}

interface TestSmtp {
  port: number;
  inbox: ReceivedMail[];
  close(): Promise<void>;
}

function startSmtp(port = 0): Promise<TestSmtp> {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { headers, parts } = parseEntity(Buffer.concat(chunks).toString('utf8'));
        inbox.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          headers,
          parts,
        });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({
        port: (server.server.address() as AddressInfo).port,
        inbox,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

function smtpEnv(port: number): Record<string, string> {
  return { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: 'Nabij <nabij@zone.test>' };
}

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function requestReset(
  t: TestApp,
  email: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await t.anonymous().post('/api/auth/password-reset/request', { email }, headers);
  expect(response.statusCode).toBe(202);
  const rows = await t.context.db
    .selectFrom('mail_messages')
    .select(['id', 'status'])
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .execute();
  const message = rows[0];
  if (!message) throw new Error(`no mail queued for ${email}`);
  expect(message.status).toBe('pending');
  return message.id;
}

function partOf(mail: ReceivedMail, type: string): string {
  const part = mail.parts.find((p) => p.contentType === type);
  if (!part) throw new Error(`no ${type} part in ${JSON.stringify(mail.parts.map((p) => p.contentType))}`);
  return part.body.replace(/\r\n/g, '\n');
}

const LINK = /http:\/\/nabij\.test\/reset-password#token=[A-Za-z0-9_-]+/;

// ---------------------------------------------------------------------------

describe('delivering mail over SMTP', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ env: smtpEnv(smtp.port) });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('uses the SMTP transport when SMTP is configured', () => {
    expect(t.config.smtp).toMatchObject({ host: '127.0.0.1', port: smtp.port });
    expect(t.context.mail.kind).toBe('smtp');
  });

  it('sends a queued password-reset mail to the account, in its language, with the link in text and HTML', async () => {
    const account = await t.createAccount();
    await t.context.db.updateTable('accounts').set({ language: 'de' }).where('id', '=', account.id).execute();
    const id = await requestReset(t, account.email, { 'accept-language': 'fr-BE' });
    expect(smtp.inbox).toHaveLength(0); // queued, not sent by the request

    expect(await deliverMail(t.context, id)).toBe('sent');
    const received = smtp.inbox.filter((m) => m.rcptTo.includes(account.email));
    expect(received).toHaveLength(1);
    const mail = received[0];
    if (!mail) throw new Error('unreachable');
    expect(mail.rcptTo).toEqual([account.email]);
    expect(mail.mailFrom).toBe('nabij@zone.test');
    expect(mail.headers.get('to')).toContain(account.email);
    expect(mail.headers.get('message-id')).toBe(`<${id}@nabij>`);

    const german = translate('de' satisfies Language, 'mail.password_reset.subject');
    expect(german).not.toBe(translate('fr', 'mail.password_reset.subject'));
    expect(mail.headers.get('subject')).toBe(german);

    const text = partOf(mail, 'text/plain');
    const html = partOf(mail, 'text/html');
    const link = LINK.exec(text)?.[0];
    expect(link).toBeDefined();
    expect(html).toContain(`<a href="${link}">${link}</a>`);
    expect(html).toContain('lang="de"');

    const stored = await t.context.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Delivered over SMTP: the address and the text (personal data, a reset link) are wiped.
    expect(stored).toMatchObject({ to_address: '', body_text: '', body_html: '' });
    expect(JSON.stringify(stored)).not.toContain(account.email);
    expect(JSON.stringify(stored)).not.toContain(link ?? 'no link');
    expect(stored).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 1, last_error: null });
    expect(stored.sent_at?.getTime()).toBe(t.clock.now().getTime());

    // The link in the mail that arrived really resets the password.
    const token = new URL(link ?? '').hash.replace('#token=', '');
    const confirm = await t
      .anonymous()
      .post('/api/auth/password-reset/confirm', { token, password: 'een nieuw wachtwoord 7' });
    expect(confirm.statusCode).toBe(200);
  });

  it('skips a message that was already sent: a repeated job delivers nothing more', async () => {
    const account = await t.createAccount();
    const id = await requestReset(t, account.email);
    expect(await deliverMail(t.context, id)).toBe('sent');
    expect(await deliverMail(t.context, id)).toBe('skipped');
    expect(await deliverMail(t.context, id)).toBe('skipped');
    expect(smtp.inbox.filter((m) => m.rcptTo.includes(account.email))).toHaveLength(1);
    const stored = await t.context.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('skips an unknown message id', async () => {
    const before = smtp.inbox.length;
    expect(await deliverMail(t.context, '01900000-0000-7000-8000-000000000000')).toBe('skipped');
    expect(smtp.inbox).toHaveLength(before);
  });

  it('keeps the message pending with the error when SMTP is down, and sends it on the next attempt', async () => {
    const account = await t.createAccount();
    const id = await requestReset(t, account.email);
    const port = smtp.port;
    await smtp.close();

    await expect(deliverMail(t.context, id)).rejects.toThrow();
    const failed = await t.context.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(failed.status).toBe('pending');
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toEqual(expect.any(String));
    expect(failed.last_error?.length).toBeGreaterThan(0);
    expect(failed.sent_at).toBeNull();

    await expect(deliverMail(t.context, id)).rejects.toThrow();
    expect(
      (
        await t.context.db
          .selectFrom('mail_messages')
          .select('attempts')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).attempts,
    ).toBe(2);

    smtp = await startSmtp(port);
    expect(await deliverMail(t.context, id)).toBe('sent');
    const sent = await t.context.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(smtp.inbox.filter((m) => m.rcptTo.includes(account.email))).toHaveLength(1);
  });

  it('has no demo outbox when SMTP is configured', async () => {
    const response = await t.anonymous().get('/api/outbox');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('outbox_unavailable');
  });
});

describe('the job queue delivers mail end to end', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ env: smtpEnv(smtp.port) });
    await runJobs(t.context);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends a password-reset mail without anyone calling deliverMail', async () => {
    const account = await t.createAccount();
    const id = await requestReset(t, account.email, { 'accept-language': 'nl-BE' });
    const mail = await waitFor('the mail to reach the SMTP server', () =>
      smtp.inbox.find((m) => m.rcptTo.includes(account.email)),
    );
    expect(mail.headers.get('subject')).toBe(translate('nl', 'mail.password_reset.subject'));
    expect(partOf(mail, 'text/plain')).toMatch(LINK);
    const stored = await waitFor('the message to be marked sent', async () => {
      const row = await t.context.db
        .selectFrom('mail_messages')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return row.status === 'sent' ? row : undefined;
    });
    expect(stored).toMatchObject({ transport: 'smtp', attempts: 1 });
    expect(smtp.inbox.filter((m) => m.rcptTo.includes(account.email))).toHaveLength(1);
  }, 30_000);
});

describe('the demo outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('keeps mail in the outbox without SMTP, with the reset link readable', async () => {
    expect(t.context.mail.kind).toBe('outbox');
    const account = await t.createAccount();
    const id = await requestReset(t, account.email);
    const response = await t.anonymous().get('/api/outbox');
    expect(response.statusCode).toBe(200);
    const item = (
      response.json().items as { id: string; to: string; subject: string; text: string; html: string }[]
    ).find((m) => m.id === id);
    expect(item).toMatchObject({
      to: account.email,
      subject: translate('en', 'mail.password_reset.subject'),
    });
    const link = LINK.exec(item?.text ?? '')?.[0];
    expect(link).toBeDefined();
    expect(item?.html).toContain(`href="${link}"`);

    expect(await deliverMail(t.context, id)).toBe('sent');
    const stored = await t.context.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'sent', transport: 'outbox' });
  });
});

describe('the outbox in production', () => {
  const production = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '2525',
    SMTP_FROM: 'Nabij <nabij@zone.test>',
  };

  it('is unavailable even when the transport is the outbox', async () => {
    const t = await createTestApp({ env: production, mail: createOutboxTransport() });
    try {
      expect(t.config.nodeEnv).toBe('production');
      expect(t.context.mail.kind).toBe('outbox');
      const response = await t.anonymous().get('/api/outbox');
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('outbox_unavailable');
    } finally {
      await t.close();
    }
  });

  it('is unavailable with the production SMTP transport', async () => {
    const t = await createTestApp({ env: production });
    try {
      expect(t.context.mail.kind).toBe('smtp');
      const response = await t.anonymous().get('/api/outbox');
      expect(response.json().error.code).toBe('outbox_unavailable');
    } finally {
      await t.close();
    }
  });
});
