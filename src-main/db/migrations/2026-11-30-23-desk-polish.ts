/**
 * Frozen: what the desk's polish (issue 16) keeps. English names of room types and rate plans (a
 * voucher in English names them in English), the property's address and phone (on the voucher),
 * and a room's housekeeping attendant. All nullable; the server lays them over the rows it stores
 * by its own migration 12.
 */
import type { Kysely } from 'kysely';

const ADDED: ReadonlyArray<readonly [table: string, column: string]> = [
  ['room_type', 'name_en'],
  ['rate_plan', 'name_en'],
  ['property', 'address'],
  ['property', 'phone'],
  ['room', 'attendant_id'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, column] of ADDED) await db.schema.alterTable(table).addColumn(column, 'text').execute();
}
