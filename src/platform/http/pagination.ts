/**
 * Cursor pagination for every list. The cursor is the sort key of the last
 * item, opaque to clients (base64url JSON). Lists fetch one extra row to know
 * whether there is a next page.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { AppError } from '../errors/error-catalogue.ts';

export const PaginationQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'The nextCursor of the previous page.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type PaginationQuery = Static<typeof PaginationQuery>;

export function pageOf<S extends TSchema>(item: S) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  shape: readonly ('string' | 'number')[],
): (string | number)[] | null {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('invalid_cursor');
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length) throw new AppError('invalid_cursor');
  parsed.forEach((value, index) => {
    if (typeof value !== shape[index]) throw new AppError('invalid_cursor');
  });
  return parsed as (string | number)[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `rows` was fetched with limit + 1; `keyOf` gives the cursor key of a row. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
