/**
 * The shape of a write rule: for one operation that may travel, which synced tables it may
 * insert, update (which columns) or delete, and the conditions each row must meet. Rules are
 * data read by the desk (a handler that writes outside its rule fails at once, in its own tests)
 * and by the server (a pushed mutation with one row outside its rule is refused whole).
 */
import type { RejectionReason } from '../protocol';
import type { SyncRow } from '../tables';

/** Who wrote, from where and with which input. */
export interface Writer {
  /** The staff member who ran the operation (null only for the founding snapshot). */
  actor: { id: string; username: string; displayName: string; role: string } | null;
  deviceId: string;
  /** The operation's parsed input, secrets redacted. */
  input: unknown;
}

/** What row conditions compare against: the writer, and the mutation's other rows. */
export interface WriteContext extends Writer {
  /** The rows this same mutation wrote to a table (after the write; deletes left out), for checks across rows. */
  written(table: string): readonly SyncRow[];
}

/**
 * A finding that is no trespass: the state the operation moves (the business date) was already
 * moved by another desk, so the writer lost a race. The server answers with `reason` rather than
 * WRITE_NOT_ALLOWED, and the desk can say what happened.
 */
export interface Superseded {
  reason: Extract<RejectionReason, 'BUSINESS_DATE_CLOSED'>;
  problem: string;
}

/** A condition on a row: null when it holds, otherwise what is wrong (a short English phrase for logs and tests). */
export type RowCheck = (row: SyncRow, context: WriteContext, before: SyncRow | null) => string | Superseded | null;

export interface TableRule {
  /** May insert rows meeting every check (`[]`: any valid row). */
  insert?: readonly RowCheck[];
  /**
   * May change these columns of existing rows; the row after must meet every check. `guard`: the
   * row is the state the operation moves, one step at a time (the business date): its update is
   * checked before the operation's other rows, and the server checks it even when its own row
   * already holds the result (another desk made the same step first).
   */
  update?: { columns: readonly string[]; checks?: readonly RowCheck[]; guard?: boolean };
  /** May delete rows meeting every check (applied to the row as it was). */
  delete?: readonly RowCheck[];
}

export type WriteRule = Readonly<Record<string, TableRule>>;
