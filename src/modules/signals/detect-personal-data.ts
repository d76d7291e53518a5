/**
 * Flags text that likely holds personal data before anything is published:
 * phone numbers, e-mail addresses, number plates (Belgian and common European
 * formats) and Belgian national register numbers. It over-flags on purpose:
 * a moderator looks at every flag; a miss would publish someone's data.
 */
export type PersonalDataKind = 'phone' | 'email' | 'plate' | 'national_number';

const patterns: { kind: PersonalDataKind; pattern: RegExp }[] = [
  { kind: 'email', pattern: /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi },
  // National register number: YY.MM.DD-XXX.CC, also written without separators (11 digits).
  // Not right after "+" or a digit: "+32470123456" is a phone number.
  { kind: 'national_number', pattern: /(?<![+\d])\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s.]?\d{3}[.\s]?\d{2}\b/g },
  // Phone: +32 or 0 followed by 8–10 digits with optional separators.
  {
    kind: 'phone',
    pattern: /(?:\+|00)\d{2}[\s./-]?\(?\d\)?(?:[\s./-]?\d){7,10}\b|\b0\d(?:[\s./-]?\d){7,9}\b/g,
  },
  // Belgian plates 1-ABC-123 / ABC-123 / 123-ABC, also written in lower case.
  { kind: 'plate', pattern: /\b(?:\d[-\s]?[A-Z]{3}[-\s]?\d{3}|[A-Z]{3}[-\s]\d{3}|\d{3}[-\s][A-Z]{3})\b/gi },
  // Dutch XX-99-XX and German AB-CD 123 styles: capitals only, or ordinary words ("op de 12") would match.
  {
    kind: 'plate',
    pattern: /\b(?:[A-Z]{1,3}[-\s][A-Z]{1,2}[-\s]?\d{1,4}|[A-Z0-9]{2}-[A-Z0-9]{2,3}-[A-Z0-9]{1,2})\b/g,
  },
];

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

export function findPersonalData(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const { kind, pattern } of patterns) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      // A plate pattern must contain both letters and digits; skip pure words like "ABC-DE".
      if (kind === 'plate' && !(/[a-z]/i.test(match[0]) && /\d/.test(match[0]))) continue;
      if (matches.some((m) => start < m.end && end > m.start)) continue; // first kind wins
      matches.push({ kind, start, end });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

export function personalDataKinds(text: string): PersonalDataKind[] {
  return [...new Set(findPersonalData(text).map((m) => m.kind))];
}

/** The text with every flagged piece replaced by a marker, as a starting point for the public summary. */
export function redactPersonalData(text: string): string {
  let result = '';
  let at = 0;
  for (const match of findPersonalData(text)) {
    result += text.slice(at, match.start) + '[…]';
    at = match.end;
  }
  return result + text.slice(at);
}
