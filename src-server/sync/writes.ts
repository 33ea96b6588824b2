/**
 * A pushed mutation's effects against the server's own rows: which rows it inserts, updates or
 * deletes and, for an update, the columns it claims to change (only those are applied onto the
 * server's row, so what other desks changed meanwhile in other columns stays). Every resulting row
 * is validated against its table's schema, and every write against the operation's rule — a
 * guarded row (the business date) also when the server's row already holds what the desk wrote.
 */
import type { Effect, PushedMutation } from '@shared/sync/protocol';
import { validateRow } from '@shared/sync/row-schemas';
import { isSyncedTable, rowKey, syncedTable, type SyncRow } from '@shared/sync/tables';
import { checkWrites, isGuarded, type RowWrite, type Writer, type WriteRule } from '@shared/sync/write-rules';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Rejection } from './authority';
import { findDuplicate, readRows } from './rows';

/** A write as the server will apply it: `after` is the row stored (the server's row with the claimed columns on top). */
export type ServerWrite = RowWrite & { after: SyncRow | null };

const text = (value: unknown): string => String(value);

/** The server's current rows for every key the mutation writes, read table by table. */
async function currentRows(
  db: Kysely<Database>,
  propertyId: string,
  effects: readonly Effect[],
): Promise<Map<string, SyncRow>> {
  const byTable = new Map<string, string[]>();
  for (const { table, key } of effects) byTable.set(table, [...(byTable.get(table) ?? []), key]);
  const out = new Map<string, SyncRow>();
  for (const [table, keys] of byTable) {
    for (const [key, row] of await readRows(db, propertyId, table, keys)) out.set(`${table}\u0000${key}`, row);
  }
  return out;
}

function merge(effect: Effect, before: SyncRow | null): { after: SyncRow | null; columns: string[] | null } {
  if (effect.row === null) return { after: null, columns: null };
  if (before === null) return { after: effect.row, columns: null };
  const pushed = effect.row;
  const claimed = effect.columns ?? Object.keys(pushed);
  const columns = claimed.filter(
    (column) => Object.hasOwn(pushed, column) && (pushed[column] ?? null) !== (before[column] ?? null),
  );
  const after: SyncRow = { ...before };
  for (const column of columns) after[column] = pushed[column];
  return { after, columns };
}

/** Reads, merges and checks; a rejection when one row is malformed, invalid or outside the rule. */
export async function prepareWrites(
  db: Kysely<Database>,
  propertyId: string,
  mutation: PushedMutation,
  rule: WriteRule | undefined,
  writer: Writer,
): Promise<{ writes: ServerWrite[] } | { rejection: Rejection }> {
  const unknownTable = mutation.effects.find((effect) => !isSyncedTable(effect.table));
  if (unknownTable)
    return { rejection: { reason: 'WRITE_NOT_ALLOWED', detail: `table:${unknownTable.table.slice(0, 64)}` } };
  // A row must sit under its own key, or one row could overwrite another.
  const misfiled = mutation.effects.find(
    (effect) => effect.row !== null && rowKey(effect.table, effect.row) !== effect.key,
  );
  if (misfiled) return { rejection: { reason: 'MALFORMED', detail: `${misfiled.table}:${misfiled.key}` } };
  const keys = new Set<string>();
  for (const { table, key } of mutation.effects) {
    if (keys.has(`${table}\u0000${key}`))
      return { rejection: { reason: 'MALFORMED', detail: `${table}:${key} twice` } };
    keys.add(`${table}\u0000${key}`);
  }

  const current = await currentRows(db, propertyId, mutation.effects);
  const writes: ServerWrite[] = [];
  // Rows the server already holds as the desk wrote them: nothing to apply, but a guarded row (the
  // business date) is still checked, so a step another desk made first is not made twice.
  const unchanged: ServerWrite[] = [];
  for (const effect of mutation.effects) {
    const before = current.get(`${effect.table}\u0000${effect.key}`) ?? null;
    const { after, columns } = merge(effect, before);
    if (after !== null) {
      const valid = validateRow(effect.table, after);
      if (!valid.ok)
        return {
          rejection: {
            reason: 'ROW_INVALID',
            detail: `${effect.table}.${valid.column ?? '*'}: ${valid.problem}`.slice(0, 300),
          },
        };
      // The property row is the pushing desk's own property, never another.
      if (effect.table === 'property' && text(after.id) !== propertyId)
        return { rejection: { reason: 'WRITE_NOT_ALLOWED', detail: 'property: another property' } };
    }
    if (columns !== null && columns.length === 0) {
      if (isGuarded(rule, effect.table))
        unchanged.push({ table: effect.table, key: effect.key, before, after, columns });
      continue;
    }
    writes.push({ table: effect.table, key: effect.key, before, after, columns });
  }

  const violation = checkWrites(rule, [...writes, ...unchanged], writer);
  if (violation)
    return {
      rejection: {
        reason: violation.reason ?? 'WRITE_NOT_ALLOWED',
        detail: `${violation.table}:${violation.key}: ${violation.problem}`.slice(0, 300),
      },
    };
  return { writes };
}

/** Natural keys (a room number, a username…) among the mutation's own rows first, then against what the server holds. */
export async function checkUnique(
  db: Kysely<Database>,
  propertyId: string,
  writes: readonly ServerWrite[],
): Promise<Rejection | null> {
  const claimed = new Map<string, string>();
  for (const write of writes) {
    const uniqueKey = write.after === null ? null : (syncedTable(write.table).unique?.(write.after) ?? null);
    if (uniqueKey === null) continue;
    const claim = `${write.table}:${uniqueKey}`;
    const holder = claimed.get(claim);
    if (
      (holder !== undefined && holder !== write.key) ||
      (await findDuplicate(db, propertyId, write.table, write.key, uniqueKey))
    ) {
      return { reason: 'DUPLICATE', detail: claim };
    }
    claimed.set(claim, write.key);
  }
  return null;
}
