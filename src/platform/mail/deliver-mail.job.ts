/**
 * Delivers one stored mail. At-least-once safe: a message already sent is
 * skipped; the attempt is recorded before sending and the result after, so a
 * crash repeats at most this one message.
 */
import { Type } from 'typebox';
import type { AppContext } from '../app-context.ts';
import { defineJob } from '../jobs/job-definition.ts';

export async function deliverMail(context: AppContext, messageId: string): Promise<'sent' | 'skipped'> {
  const message = await context.db
    .updateTable('mail_messages')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', messageId)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  if (!message) return 'skipped';
  try {
    await context.mail.send({
      to: message.to_address,
      subject: message.subject,
      text: message.body_text,
      html: message.body_html,
      messageId: message.id,
    });
  } catch (error) {
    await context.db
      .updateTable('mail_messages')
      .set({ last_error: (error as Error).message.slice(0, 500) })
      .where('id', '=', messageId)
      .execute();
    throw error;
  }
  // Once a mail has left over SMTP, its address and text are of no use here and are
  // personal data: they are wiped, the record of the delivery stays. The demo
  // outbox keeps them, as reading them is what it is for.
  const wipe = context.mail.kind === 'smtp' ? { to_address: '', body_text: '', body_html: '' } : {};
  await context.db
    .updateTable('mail_messages')
    .set({ status: 'sent', transport: context.mail.kind, sent_at: context.now(), last_error: null, ...wipe })
    .where('id', '=', messageId)
    .execute();
  return 'sent';
}

export const deliverMailJob = defineJob({
  name: 'mail.deliver',
  version: 1,
  schema: Type.Object({ messageId: Type.String({ format: 'uuid' }) }),
  retryLimit: 8,
  retryDelaySeconds: 30,
  async handle(data, context) {
    await deliverMail(context, data.messageId);
  },
});
