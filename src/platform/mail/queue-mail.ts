/**
 * Puts a mail in the queue: the message is stored (status pending) and a
 * `mail.deliver` job is enqueued in the caller's transaction, so a mail exists
 * exactly when the write that caused it commits.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import type { Database } from '../database/tables.ts';
import type { Language } from '../i18n/i18n.ts';
import { newId } from '../ids.ts';
import { deliverMailJob } from './deliver-mail.job.ts';
import { renderMail, type MailTemplate } from './render-mail.ts';

export interface MailRequest {
  zoneId: string | null;
  to: string;
  template: MailTemplate;
  language: Language;
  params: Record<string, string | number>;
}

export async function queueMail(
  context: AppContext,
  trx: Kysely<Database>,
  request: MailRequest,
): Promise<string> {
  const rendered = renderMail(request.template, request.language, request.params);
  const id = newId();
  await trx
    .insertInto('mail_messages')
    .values({
      id,
      zone_id: request.zoneId,
      to_address: request.to,
      template: request.template,
      language: request.language,
      subject: rendered.subject,
      body_text: rendered.text,
      body_html: rendered.html,
      status: 'pending',
    })
    .execute();
  await context.jobs.send(deliverMailJob, { messageId: id }, trx);
  return id;
}
