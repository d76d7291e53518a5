/** Links for contact details: tel: without spaces or punctuation, mailto: as is. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, '')}`;
}

export function mailHref(email: string): string {
  return `mailto:${email}`;
}
