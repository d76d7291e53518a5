/** Only professional contact details leave the building. */
import type { Officer } from '../../platform/database/tables.ts';
import type { PublicOfficer } from './officers.schema.ts';

export function toPublicOfficer(officer: Officer): PublicOfficer {
  return {
    id: officer.id,
    name: officer.name,
    title: officer.title,
    phone: officer.phone,
    email: officer.email,
    photoUrl: officer.photo_url,
  };
}
