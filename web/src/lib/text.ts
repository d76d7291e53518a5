/** Plain-text helpers: paragraphs, safe links in mail text, search normalisation, e-mail addresses. */

/** Splits plain text into paragraphs at blank lines (single line breaks stay inside a paragraph). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;

/**
 * Cuts text into plain parts and links (http and https only). A trailing
 * full stop, comma or closing bracket is left out of a link.
 */
export function linkParts(text: string, rewrite: (href: string) => string = (h) => h): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    const trailing = /[.,;:!?)\]]+$/.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trailing.length);
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: rewrite(url) });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Lower case without accents, for forgiving search ("Sint-Amandsberg" ≈ "sint amandsberg"). */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[-–—_.,']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP" (easier to type into an app). */
export function groupInBlocks(text: string, size = 4): string {
  return (text.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ');
}

/** Whether a (trimmed) text looks like an e-mail address; the server checks it properly. */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}
