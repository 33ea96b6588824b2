/**
 * The one codec of JSON stored as text (SQLite `*_json` columns, setting values): `Json<T>` is a
 * string that says what it holds, written by `toJson` and read back by `fromJson`. A plain string
 * still passes for one (rows written before the type, test fixtures), but a `Json<A>` never
 * passes for a `Json<B>`, so a column cannot be read as something other than what it holds.
 */
declare const holds: unique symbol;

export type Json<T> = string & { readonly [holds]?: T };

export function toJson<T>(value: T): Json<T> {
  return JSON.stringify(value);
}

/** What the text holds; trusted as written by `toJson` (a row from another desk was checked against its row schema first). */
export function fromJson<T>(text: Json<T>): T {
  return JSON.parse(text) as T;
}
