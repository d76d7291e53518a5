/**
 * Renders a mail from the shared message catalogue: `mail.<template>.subject`
 * and `mail.<template>.body` (plain text, paragraphs separated by blank
 * lines). The HTML part is the same text, escaped, with links made clickable.
 */
import { translate, type Language } from '../i18n/i18n.ts';

export const mailTemplates = [
  'password_reset',
  'account_invitation',
  'signal_received',
  'signal_urgent',
  'signal_digest',
  'signal_answer',
  'signal_questionnaire',
  'signal_follow',
] as const;
export type MailTemplate = (typeof mailTemplates)[number];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function renderMail(
  template: MailTemplate,
  language: Language,
  params: Record<string, string | number>,
): RenderedMail {
  const subject = translate(language, `mail.${template}.subject`, params);
  const body = translate(language, `mail.${template}.body`, params);
  const footer = translate(language, 'mail.footer', params);
  const text = `${body}\n\n-- \n${footer}\n`;
  const paragraphs = text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) =>
      escapeHtml(paragraph)
        .replace(/https?:\/\/[^\s<]+/g, (link) => `<a href="${link}">${link}</a>`)
        .replace(/\n/g, '<br>'),
    );
  const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
  return { subject, text, html };
}
