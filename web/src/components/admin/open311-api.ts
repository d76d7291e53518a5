/**
 * Shapes of the Open311 client API: the types of
 * src/modules/open311/open311.schema.ts themselves (`keyHint` is the key's
 * last four characters; `apiKey` is shown once, null when an Idempotency-Key
 * replayed the issue, the key never being stored).
 */
import type { Static } from 'typebox';
import type {
  IssuedOpen311Client as IssuedOpen311ClientSchema,
  Open311Client,
} from '../../../../src/modules/open311/open311.schema.ts';

export type { Open311Client };
export type IssuedOpen311Client = Static<typeof IssuedOpen311ClientSchema>;
