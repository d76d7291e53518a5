/** Search form of an address: lower case, no accents, single spaces ("kouter 1 9000 gent"). */
export function normalizeAddressText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
