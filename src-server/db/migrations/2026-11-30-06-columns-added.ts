/**
 * Frozen: rows stored before desk migrations 14–17 lack the columns those added to synced tables.
 * The server lays a desk's changed columns over its own row and checks the whole row against the
 * table's schema, so a stored row must carry every column: each gets the value a desk's migration
 * gave its own rows (null, or the longest stay's default of 90 nights). A value already there stays.
 */
import type { Kysely } from 'kysely';
import { addColumnsToStoredRows } from './stored-rows';

const ADDED: Record<string, Readonly<Record<string, unknown>>> = {
  property: { key_envelope: null, key_id: null, max_stay_nights: 90 },
  guest: {
    id_number_sealed: null,
    id_number_hmac: null,
    phone_sealed: null,
    phone_hmac: null,
    phone_last4: null,
    phone_masked: null,
    erased_at: null,
  },
  ticket_visitor: { id_number_sealed: null, id_number_hmac: null, id_number_masked: null },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of Object.entries(ADDED)) await addColumnsToStoredRows(db, table, columns);
}
