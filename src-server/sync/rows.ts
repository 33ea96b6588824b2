/**
 * The synced rows of a property (table sync_row): one JSON document per desk row, with the
 * version of its last write and the registry's group and unique keys for authority checks.
 */
import type { Effect } from '@shared/sync/protocol';
import { rootOf } from '@shared/sync/aggregates';
import type { RowOf, RowTable } from '@shared/sync/row-schemas';
import { syncedTable, type SyncRow } from '@shared/sync/tables';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SyncRowTable } from '../db/schema';
import { forgetErasedGuest, isErasedGuest } from './erasure';

export type StoredRow = Selectable<SyncRowTable>;

/**
 * A row of a table as the server holds it: typed by the table's row schema when the table is named
 * in the code (every row stored passed `validateRow` for its table first), a plain record when the
 * name comes at run time.
 */
export type RowIn<T extends string> = T extends RowTable ? RowOf<T> : SyncRow;

/** A row written by a mutation: as it was before it and after it (null: absent or deleted). */
export interface RowWrite<T extends string = string> {
  table: T;
  key: string;
  before: RowIn<T> | null;
  after: RowIn<T> | null;
}

/** The writes to one table among a mutation's, their rows typed by the table's schema (every pushed row passed `validateRow` first). */
export function writesTo<T extends string>(writes: readonly RowWrite[], table: T): RowWrite<T>[] {
  return writes.filter((w) => w.table === table) as RowWrite<T>[];
}

/** A row of a table with its wire key, as the desk holds it. */
export interface KeyedRow<T extends string = string> {
  key: string;
  row: RowIn<T>;
}

export function parseRow<T extends string>(table: T, stored: Pick<StoredRow, 'data'>): RowIn<T> | null {
  return stored.data === null ? null : (JSON.parse(stored.data) as RowIn<T>);
}

/** The live rows among some keys of a table, by key (deleted rows are absent). */
export async function readRows<T extends string>(
  db: Kysely<Database>,
  propertyId: string,
  table: T,
  keys: readonly string[],
): Promise<Map<string, RowIn<T>>> {
  const out = new Map<string, RowIn<T>>();
  if (keys.length === 0) return out;
  const stored = await db
    .selectFrom('sync_row')
    .select(['row_key', 'data'])
    .where('property_id', '=', propertyId)
    .where('table_name', '=', table)
    .where('row_key', 'in', [...new Set(keys)])
    .where('deleted', '=', 0)
    .execute();
  for (const row of stored) out.set(row.row_key, parseRow(table, row)!);
  return out;
}

export async function readRow<T extends string>(
  db: Kysely<Database>,
  propertyId: string,
  table: T,
  key: string,
): Promise<RowIn<T> | null> {
  return (await readRows(db, propertyId, table, [key])).get(key) ?? null;
}

/** The live rows of a table in some groups (rooms of a type, nights of a type and date, a member's entries). */
export async function groupRows<T extends string>(
  db: Kysely<Database>,
  propertyId: string,
  table: T,
  groups: readonly string[],
): Promise<KeyedRow<T>[]> {
  if (groups.length === 0) return [];
  const stored = await db
    .selectFrom('sync_row')
    .select(['row_key', 'data'])
    .where('property_id', '=', propertyId)
    .where('table_name', '=', table)
    .where('group_key', 'in', [...new Set(groups)])
    .where('deleted', '=', 0)
    .execute();
  return stored.map((row) => ({ key: row.row_key, row: parseRow(table, row)! }));
}

/** Another live row of the table holding the same natural key, if any. */
export async function findDuplicate(
  db: Kysely<Database>,
  propertyId: string,
  table: string,
  key: string,
  uniqueKey: string,
): Promise<string | null> {
  const other = await db
    .selectFrom('sync_row')
    .select('row_key')
    .where('property_id', '=', propertyId)
    .where('table_name', '=', table)
    .where('unique_key', '=', uniqueKey)
    .where('deleted', '=', 0)
    .where('row_key', '!=', key)
    .executeTakeFirst();
  return other?.row_key ?? null;
}

/** The server's side of some effects' keys: its rows, null where it has none (what a rejected desk restores). */
export async function currentEffects(
  db: Kysely<Database>,
  propertyId: string,
  effects: readonly Effect[],
): Promise<Effect[]> {
  const out: Effect[] = [];
  for (const effect of effects)
    out.push({ table: effect.table, key: effect.key, row: await readRow(db, propertyId, effect.table, effect.key) });
  return out;
}

/**
 * Writes a row (null: deletes it) at the given version, by the mutation of `writer` (a device id;
 * null for the server's own rows). A row that carries `server_version` gets it stamped, so the
 * desk that pulls it back knows which write it holds. A deleted row keeps its root.
 */
export async function writeRow(
  db: Kysely<Database>,
  propertyId: string,
  effect: Effect,
  version: number,
  writer: string | null,
): Promise<SyncRow | null> {
  const def = syncedTable(effect.table);
  const row =
    effect.row === null
      ? null
      : Object.hasOwn(effect.row, 'server_version')
        ? { ...effect.row, server_version: version }
        : effect.row;
  const fields = {
    data: row === null ? null : JSON.stringify(row),
    deleted: row === null ? 1 : 0,
    version,
    group_key: row === null ? null : (def.group?.(row) ?? null),
    unique_key: row === null ? null : (def.unique?.(row) ?? null),
    writer_device: writer,
    ...(row !== null && { root_key: rootOf(effect.table, row) }),
  };
  await db
    .insertInto('sync_row')
    .values({ property_id: propertyId, table_name: effect.table, row_key: effect.key, root_key: null, ...fields })
    .onConflict((oc) => oc.columns(['property_id', 'table_name', 'row_key']).doUpdateSet(fields))
    .execute();
  if (isErasedGuest(effect.table, row)) await forgetErasedGuest(db, effect.key, row);
  return row;
}

/**
 * The roots among `bases` that another device wrote after the version the pusher based its
 * mutation on, with their current versions (a root missing from `bases` was seen at version 0).
 */
export async function movedRoots(
  db: Kysely<Database>,
  propertyId: string,
  deviceId: string,
  roots: Iterable<string>,
  bases: Readonly<Record<string, number>>,
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const root of roots) {
    const base = bases[root] ?? 0;
    const { latest, foreign } = await db
      .selectFrom('sync_row')
      .select((eb) => [
        eb.fn.max('version').as('latest'),
        eb.fn
          .max(eb.case().when('writer_device', 'is distinct from', deviceId).then(eb.ref('version')).end())
          .as('foreign'),
      ])
      .where('property_id', '=', propertyId)
      .where('root_key', '=', root)
      .where('version', '>', base)
      .executeTakeFirstOrThrow();
    if (foreign !== null && foreign !== undefined) moved[root] = Number(latest);
  }
  return moved;
}

/** Whether the property holds any live row of a table. */
export async function hasRows(db: Kysely<Database>, propertyId: string, table: string): Promise<boolean> {
  const row = await db
    .selectFrom('sync_row')
    .select('row_key')
    .where('property_id', '=', propertyId)
    .where('table_name', '=', table)
    .where('deleted', '=', 0)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many live rows of a table are in some groups, leaving one row out (the one being counted against). */
export async function countGroupRows(
  db: Kysely<Database>,
  propertyId: string,
  table: string,
  groups: readonly string[],
  exceptKey: string | null = null,
): Promise<number> {
  if (groups.length === 0) return 0;
  let query = db
    .selectFrom('sync_row')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('property_id', '=', propertyId)
    .where('table_name', '=', table)
    .where('group_key', 'in', [...new Set(groups)])
    .where('deleted', '=', 0);
  if (exceptKey !== null) query = query.where('row_key', '!=', exceptKey);
  const { n } = await query.executeTakeFirstOrThrow();
  return Number(n);
}
