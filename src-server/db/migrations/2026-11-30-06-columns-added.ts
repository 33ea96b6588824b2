/**
 * Frozen: rows stored before desk migrations 14–17 lack the columns those added to synced tables.
 * The server lays a desk's changed columns over its own row and checks the whole row against the
 * table's schema, so a stored row must carry every column: each gets the value a desk's migration
 * gave its own rows (null, or the longest stay's default of 90 nights). A value already there stays.
 */
import type { Kysely } from 'kysely';

const PAGE = 500;
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
  for (const [table, columns] of Object.entries(ADDED)) {
    let after = { property: '', key: '' };
    for (;;) {
      const rows = (await db
        .selectFrom('sync_row')
        .select(['property_id', 'row_key', 'data'])
        .where('table_name', '=', table)
        .where('data', 'is not', null)
        .where((eb) =>
          eb.or([
            eb('property_id', '>', after.property),
            eb.and([eb('property_id', '=', after.property), eb('row_key', '>', after.key)]),
          ]),
        )
        .orderBy('property_id')
        .orderBy('row_key')
        .limit(PAGE)
        .execute()) as { property_id: string; row_key: string; data: string }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const data = JSON.parse(row.data) as Record<string, unknown>;
        if (Object.keys(columns).every((column) => Object.hasOwn(data, column))) continue;
        await db
          .updateTable('sync_row')
          .set({ data: JSON.stringify({ ...columns, ...data }) })
          .where('property_id', '=', row.property_id)
          .where('table_name', '=', table)
          .where('row_key', '=', row.row_key)
          .execute();
      }
      const last = rows.at(-1)!;
      after = { property: last.property_id, key: last.row_key };
    }
  }
}
