/**
 * Where mail goes. With SMTP configured: nodemailer to that server. Without it
 * (and never in production; config refuses), the message is kept in the
 * `mail_messages` table and shown in the demo outbox page instead.
 */
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config/config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id so a repeated delivery of the same message can be recognised by the receiver. */
  messageId: string;
}

export interface MailTransport {
  kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createSmtpTransport(smtp: SmtpConfig): MailTransport {
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user !== undefined ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    // A local relay without TLS (tests, a sidecar) must still work; STARTTLS is used when offered.
    tls: { rejectUnauthorized: false },
  });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.messageId}@nabij>`,
      });
    },
    close() {
      transporter.close();
    },
  };
}

export function createOutboxTransport(): MailTransport {
  return {
    kind: 'outbox',
    async send() {
      // Nothing leaves the machine: the stored message is the outbox entry.
    },
    close() {},
  };
}
