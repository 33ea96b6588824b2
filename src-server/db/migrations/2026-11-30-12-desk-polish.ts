/**
 * Frozen: the columns desk migration 23 added to synced tables (English names, the property's
 * address and phone, a room's attendant), laid over the rows the server stores, as null.
 */
import type { Kysely } from 'kysely';
import { addColumnsToStoredRows } from './stored-rows';

const ADDED: Record<string, Readonly<Record<string, unknown>>> = {
  room_type: { name_en: null },
  rate_plan: { name_en: null },
  property: { address: null, phone: null },
  room: { attendant_id: null },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of Object.entries(ADDED)) await addColumnsToStoredRows(db, table, columns);
}
