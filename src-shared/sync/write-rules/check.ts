/**
 * Checks a mutation's writes against its operation's rule. The same function runs at the desk
 * (before the outbox row is written) and on the server (before anything is applied).
 */
import type { SyncRow } from '../tables';
import type { RowCheck, Superseded, TableRule, WriteContext, Writer, WriteRule } from './types';

/** One row a mutation wrote: as it was (null: absent), as it is (null: deleted), and the columns it changed. */
export interface RowWrite {
  table: string;
  key: string;
  before: SyncRow | null;
  after: SyncRow | null;
  /** For an update: the columns changed; null: every column that differs from `before`. */
  columns: readonly string[] | null;
}

export interface WriteViolation {
  table: string;
  key: string;
  problem: string;
  /** Set when the row lost a race rather than trespassed (the server answers with it). */
  reason?: Superseded['reason'];
}

/** Written by every update and stamped by the server: never a change of substance. */
const ALWAYS_UPDATABLE = new Set(['updated_at', 'server_version']);

/** Every mutation writes its own audit entry: insert only, this desk's own, by this actor. */
const AUDIT_RULE: TableRule = {
  insert: [
    (row, context) => (row.device_id === context.deviceId ? null : 'audit entry of another desk'),
    (row, context) =>
      context.actor === null || row.actor_id === null || row.actor_id === context.actor.id
        ? null
        : 'audit entry of another actor',
  ],
};

export function changedColumns(before: SyncRow, after: SyncRow): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (column) => (before[column] ?? null) !== (after[column] ?? null),
  );
}

type Finding = string | Superseded | null;

function runChecks(
  checks: readonly RowCheck[] | undefined,
  row: SyncRow,
  context: WriteContext,
  before: SyncRow | null,
): Finding {
  for (const check of checks ?? []) {
    const problem = check(row, context, before);
    if (problem !== null) return problem;
  }
  return null;
}

function checkOne(rule: TableRule | undefined, write: RowWrite, context: WriteContext): Finding {
  const { before, after } = write;
  if (after === null) {
    if (!rule?.delete) return 'delete not allowed';
    return before === null ? null : runChecks(rule.delete, before, context, before);
  }
  if (before === null) {
    if (!rule?.insert) return 'insert not allowed';
    return runChecks(rule.insert, after, context, null);
  }
  if (!rule?.update) return 'update not allowed';
  const allowed = new Set(rule.update.columns);
  const columns = write.columns ?? changedColumns(before, after);
  const outside = columns.filter((column) => !allowed.has(column) && !ALWAYS_UPDATABLE.has(column));
  if (outside.length > 0) return `column ${outside.join(', ')} not allowed`;
  return runChecks(rule.update.checks, after, context, before);
}

/** Whether a table's rows are the state the operation moves (see TableRule.update.guard). */
export function isGuarded(rule: WriteRule | undefined, table: string): boolean {
  return rule?.[table]?.update?.guard === true;
}

/**
 * The first row outside the rule, or null when every write is within it. No rule: nothing may be
 * written. Guarded rows come first: a desk that lost the race for the state it moves hears that,
 * not what followed from it in its other rows.
 */
export function checkWrites(
  rule: WriteRule | undefined,
  writes: readonly RowWrite[],
  writer: Writer,
): WriteViolation | null {
  const context: WriteContext = {
    ...writer,
    written: (table) =>
      writes.filter((write) => write.table === table && write.after !== null).map((write) => write.after!),
  };
  const ordered = [
    ...writes.filter((write) => isGuarded(rule, write.table)),
    ...writes.filter((write) => !isGuarded(rule, write.table)),
  ];
  for (const write of ordered) {
    const tableRule = write.table === 'audit_log' ? AUDIT_RULE : rule?.[write.table];
    const finding = checkOne(tableRule, write, context);
    if (finding === null) continue;
    return typeof finding === 'string'
      ? { table: write.table, key: write.key, problem: finding }
      : { table: write.table, key: write.key, ...finding };
  }
  return null;
}
