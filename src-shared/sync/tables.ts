/**
 * The desk tables that sync, how each row is keyed, which columns stay on the desk, and the
 * grouping the server needs to arbitrate contested resources. Everything not listed here
 * (the device, the outbox, number sequences, sync bookkeeping) never leaves the desk.
 */
export type SyncRow = Record<string, unknown>;

export interface SyncedTable {
  /** Primary-key columns; the wire key is the value itself or, for several columns, a JSON array. */
  key: readonly string[];
  /** Columns kept on the desk: never sent, never overwritten by a pulled row. */
  local?: readonly string[];
  /** Rows kept on the desk altogether (e.g. this PC's backup folder). */
  localRow?: (row: SyncRow) => boolean;
  /** The server's grouping for authority checks (rooms of a type, nights of a type, a member's entries). */
  group?: (row: SyncRow) => string | null;
  /** A natural key that must stay unique across desks (room numbers, usernames, booking numbers). */
  unique?: (row: SyncRow) => string | null;
}

const text = (value: unknown): string => String(value);

export const SYNCED_TABLES: Readonly<Record<string, SyncedTable>> = {
  property: { key: ['id'] },
  staff: { key: ['id'], local: ['failed_attempts', 'locked_until'], unique: (r) => text(r.username) },
  role_permission: { key: ['role', 'permission'], group: (r) => text(r.role) },
  setting: { key: ['key'], localRow: (r) => text(r.key).startsWith('backup.') },
  room_type: { key: ['id'], unique: (r) => text(r.code) },
  room: { key: ['id'], group: (r) => text(r.room_type_id), unique: (r) => text(r.number) },
  guest: { key: ['id'], unique: (r) => text(r.customer_no) },
  approval_rule: { key: ['operation'] },
  approval_tier: { key: ['position'] },
  approval_request: { key: ['id'] },
  approval_decision: { key: ['id'], group: (r) => text(r.request_id) },
  rate_plan: { key: ['id'], unique: (r) => text(r.code) },
  rate_plan_price: { key: ['id'] },
  closed_date: { key: ['date'] },
  booking: { key: ['id'], unique: (r) => text(r.number) },
  booking_night: { key: ['booking_id', 'night'], group: (r) => `${text(r.room_type_id)}|${text(r.night)}` },
  booking_change: { key: ['id'] },
  payment: { key: ['id'] },
  ticket_product: { key: ['id'], unique: (r) => text(r.code) },
  ticket_slot: { key: ['id'] },
  ticket_order: {
    key: ['id'],
    group: (r) => `${text(r.slot_id)}|${text(r.visit_date)}`,
    unique: (r) => text(r.number),
  },
  ticket_visitor: { key: ['id'], group: (r) => text(r.order_id) },
  cancellation: { key: ['id'], unique: (r) => text(r.number) },
  member_tier: { key: ['code'] },
  member: { key: ['id'], unique: (r) => text(r.member_no) },
  points_entry: { key: ['id'], group: (r) => text(r.member_id) },
  care_task: { key: ['member_id', 'kind', 'period'] },
  complaint_category: { key: ['code'] },
  complaint: { key: ['id'], unique: (r) => text(r.number) },
  complaint_event: { key: ['id'], group: (r) => text(r.complaint_id) },
  complaint_target: { key: ['severity'] },
  working_day_correction: { key: ['date'] },
  complaint_plan_item: { key: ['id'], group: (r) => text(r.complaint_id) },
  complaint_compensation: { key: ['id'], group: (r) => text(r.complaint_id) },
  callback: { key: ['id'] },
  report_submission: { key: ['id'], unique: (r) => `${text(r.kind)}|${text(r.period)}` },
  archive_document: {
    key: ['id'],
    unique: (r) =>
      r.tier === 'contract'
        ? `contract|${text(r.name)}`
        : r.tier === 'record'
          ? `record|${text(r.period)}|${text(r.device)}|${text(r.record_kind)}`
          : null,
  },
  archive_file: {
    key: ['id'],
    group: (r) => text(r.document_id),
    unique: (r) => `${text(r.document_id)}|${text(r.version)}`,
  },
  archive_grant: { key: ['id'], group: (r) => text(r.file_id) },
  audit_log: { key: ['id'] },
  sync_conflict: { key: ['id'], group: (r) => (r.status === 'open' ? text(r.subject_id) : null) },
};

export function isSyncedTable(table: string): boolean {
  return Object.hasOwn(SYNCED_TABLES, table);
}

export function syncedTable(table: string): SyncedTable {
  const def = SYNCED_TABLES[table];
  if (!def) throw new Error(`${table} does not sync`);
  return def;
}

/** The wire key of a row: the key column's value, or a JSON array of several. */
export function rowKey(table: string, row: SyncRow): string {
  const { key } = syncedTable(table);
  return key.length === 1 ? text(row[key[0]!]) : JSON.stringify(key.map((column) => row[column]));
}

/** The key column values of a wire key, in key-column order. */
export function keyValues(table: string, key: string): unknown[] {
  return syncedTable(table).key.length === 1 ? [key] : (JSON.parse(key) as unknown[]);
}

/** Removes the desk-only columns from a row before it leaves the desk. */
export function wireRow(table: string, row: SyncRow): SyncRow {
  const { local } = syncedTable(table);
  if (!local) return row;
  const out = { ...row };
  for (const column of local) delete out[column];
  return out;
}
