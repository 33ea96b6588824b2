/**
 * How an audit entry names what it touched, for a person reading the log: a booking by its number,
 * a guest by a masked name and customer number, a complaint by its number, a staff member by name.
 * Resolved on read from the desk's rows (the log itself keeps only ids, and is append-only);
 * null when the row is gone or the type has no human name.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** A name masked for the log: the first character kept ("王**", "J***"); the log is read by auditors, not the desk. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.min(3, Math.max(1, chars.length - 1)));
}

type Resolver = (db: Kysely<Database>, ids: string[]) => Promise<[string, string][]>;

const pairs = <R extends { id: string }>(rows: R[], label: (row: R) => string): [string, string][] =>
  rows.map((row) => [row.id, label(row)]);

const resolvers: Record<string, Resolver> = {
  booking: async (db, ids) =>
    pairs(await db.selectFrom('booking').select(['id', 'number']).where('id', 'in', ids).execute(), (r) => r.number),
  guest: async (db, ids) =>
    pairs(
      await db
        .selectFrom('guest')
        .select(['id', 'name', 'customer_no'])
        .where('id', 'in', ids)
        .where('deleted_at', 'is', null)
        .execute(),
      (r) => `${maskName(r.name)} (${r.customer_no})`,
    ),
  member: async (db, ids) =>
    pairs(
      await db.selectFrom('member').select(['id', 'member_no']).where('id', 'in', ids).execute(),
      (r) => r.member_no,
    ),
  complaint: async (db, ids) =>
    pairs(await db.selectFrom('complaint').select(['id', 'number']).where('id', 'in', ids).execute(), (r) => r.number),
  cancellation: async (db, ids) =>
    pairs(
      await db.selectFrom('cancellation').select(['id', 'number']).where('id', 'in', ids).execute(),
      (r) => r.number,
    ),
  ticket_order: async (db, ids) =>
    pairs(
      await db.selectFrom('ticket_order').select(['id', 'number']).where('id', 'in', ids).execute(),
      (r) => r.number,
    ),
  staff: async (db, ids) =>
    pairs(
      await db.selectFrom('staff').select(['id', 'display_name', 'username']).where('id', 'in', ids).execute(),
      (r) => `${r.display_name} (${r.username})`,
    ),
  room: async (db, ids) =>
    pairs(await db.selectFrom('room').select(['id', 'number']).where('id', 'in', ids).execute(), (r) => r.number),
  room_type: async (db, ids) =>
    pairs(await db.selectFrom('room_type').select(['id', 'name']).where('id', 'in', ids).execute(), (r) => r.name),
  rate_plan: async (db, ids) =>
    pairs(await db.selectFrom('rate_plan').select(['id', 'name']).where('id', 'in', ids).execute(), (r) => r.name),
  archive_document: async (db, ids) =>
    pairs(
      await db.selectFrom('archive_document').select(['id', 'name']).where('id', 'in', ids).execute(),
      (r) => r.name,
    ),
  archive_file: async (db, ids) =>
    pairs(
      await db.selectFrom('archive_file').select(['id', 'file_name', 'version']).where('id', 'in', ids).execute(),
      (r) => `v${r.version} · ${r.file_name}`,
    ),
  // A request about a guest names them in full in its subject: only other subjects are shown.
  approval_request: async (db, ids) =>
    pairs(
      await db
        .selectFrom('approval_request')
        .select(['id', 'subject_label'])
        .where('id', 'in', ids)
        .where('subject_type', 'not in', ['guest', 'member', 'booking'])
        .execute(),
      (r) => r.subject_label,
    ),
};

/** Labels for the entries' entities, keyed `type:id`; one query per entity type present. */
export async function entityLabels(
  db: Kysely<Database>,
  entries: readonly { entityType: string | null; entityId: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const { entityType, entityId } of entries) {
    if (!entityType || !entityId || !resolvers[entityType]) continue;
    byType.set(entityType, (byType.get(entityType) ?? new Set()).add(entityId));
  }
  const labels = new Map<string, string>();
  for (const [type, ids] of byType) {
    for (const [id, label] of await resolvers[type]!(db, [...ids])) labels.set(`${type}:${id}`, label);
  }
  return labels;
}
