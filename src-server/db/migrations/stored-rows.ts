/**
 * What the server's migrations do to the synced rows it stores for every property: lay columns a
 * desk migration added over stored rows (a value already there stays), and add a row every desk's
 * migration seeds for itself without sending it (a grant, a policy row), each taking the
 * property's next version. Shared by migrations; what a migration passes in is frozen with it.
 */
import type { Kysely } from 'kysely';

const PAGE = 500;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
type Db = Kysely<any>;

export async function addColumnsToStoredRows(
  db: Db,
  table: string,
  columns: Readonly<Record<string, unknown>>,
): Promise<void> {
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

export interface SeededRow {
  table: string;
  key: string;
  data: Record<string, unknown>;
  group: string | null;
}

/** Each row into every property's stored rows, unless the key is held already (live or deleted). */
export async function addSeededRows(db: Db, seeded: readonly SeededRow[]): Promise<void> {
  const properties = (await db.selectFrom('property').select(['id', 'version']).execute()) as {
    id: string;
    version: number | string;
  }[];
  for (const property of properties) {
    let version = Number(property.version);
    for (const { table, key, data, group } of seeded) {
      const held = await db
        .selectFrom('sync_row')
        .select('row_key')
        .where('property_id', '=', property.id)
        .where('table_name', '=', table)
        .where('row_key', '=', key)
        .executeTakeFirst();
      if (held) continue;
      version += 1;
      await db
        .insertInto('sync_row')
        .values({
          property_id: property.id,
          table_name: table,
          row_key: key,
          data: JSON.stringify(data),
          deleted: 0,
          version,
          group_key: group,
          unique_key: null,
          root_key: null,
          writer_device: null,
        })
        .execute();
    }
    if (version !== Number(property.version))
      await db.updateTable('property').set({ version }).where('id', '=', property.id).execute();
  }
}
