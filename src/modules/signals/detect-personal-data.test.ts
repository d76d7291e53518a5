/**
 * The personal-data detector that guards every public text: phone numbers,
 * e-mail addresses, number plates and national register numbers, in the ways
 * residents really write them. It may over-flag (a moderator looks); a miss
 * would publish someone's data.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalData, personalDataKinds, redactPersonalData } from './detect-personal-data.ts';

const samples: [kind: string, text: string][] = [
  ['phone', '0470 12 34 56'],
  ['phone', '0470/12.34.56'],
  ['phone', '+32 470 12 34 56'],
  ['phone', '+32470123456'],
  ['phone', '0032 9 266 61 11'],
  ['phone', '09 266 61 11'],
  ['email', 'jan.peeters@example.be'],
  ['email', 'An.Peeters+buurt@telenet.be'],
  ['plate', '1-ABC-123'],
  ['plate', '1ABC123'],
  ['plate', 'ABC-123'],
  ['plate', 'GE-AB 123'],
  ['plate', 'XX-99-XX'],
  ['plate', '1-abc-123'],
  ['national_number', '85.07.30-033.61'],
  ['national_number', '85073003361'],
  ['national_number', '850730 033 61'],
];

describe('finding personal data', () => {
  it.each(samples)('flags a %s written as "%s", also inside a sentence', (kind, value) => {
    const text = `Volgens mij is het ${value}, zag ik gisteren.`;
    const matches = findPersonalData(text);
    expect(matches).toHaveLength(1);
    const [match] = matches;
    expect(match?.kind).toBe(kind);
    expect(text.slice(match?.start, match?.end)).toBe(value);
  });

  it('leaves ordinary words, dates, times, house numbers and postcodes alone', () => {
    for (const text of [
      'Drie zakken afval naast de glasbol sinds maandag',
      'Om 21u30 op 12.03.2025 aan huisnummer 12-14, 9000 Gent',
      'Bus 23 en 24 rijden te snel, al sinds 2024',
      'ABC-DE hoek met de Kouter',
    ]) {
      expect(findPersonalData(text)).toEqual([]);
    }
  });

  it('lists each kind once, in a text with several', () => {
    const text = 'Bel 0470 12 34 56 of 0471 98 76 54, mail an@example.be, auto 1-ABC-123';
    expect(personalDataKinds(text).sort()).toEqual(['email', 'phone', 'plate']);
    expect(findPersonalData(text).map((m) => m.kind)).toEqual(['phone', 'phone', 'email', 'plate']);
  });

  it('cuts every flagged piece out of the suggested public text and keeps the rest', () => {
    const text = 'Auto 1-ABC-123 staat al weken op de stoep, eigenaar: an@example.be, tel 0470 12 34 56.';
    const redacted = redactPersonalData(text);
    expect(redacted).toBe('Auto […] staat al weken op de stoep, eigenaar: […], tel […].');
    expect(personalDataKinds(redacted)).toEqual([]);
  });
});
