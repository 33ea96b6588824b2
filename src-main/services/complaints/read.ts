/** Complaint tickets read back for the screens: one with its timeline, or the list by view and severity. */
import type { Kysely } from 'kysely';
import type {
  Complaint,
  ComplaintCategory,
  ComplaintEvent,
  ComplaintSeverity,
  ComplaintSummary,
  COMPLAINT_VIEWS,
  StaffRef,
} from '@shared/contract';
import { AppError } from '@shared/errors';
import type { ComplaintRow, Database } from '../../db/schema';

type View = (typeof COMPLAINT_VIEWS)[number];

export async function complaintRow(db: Kysely<Database>, id: string): Promise<ComplaintRow> {
  const row = await db.selectFrom('complaint').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function complaintCategories(db: Kysely<Database>): Promise<ComplaintCategory[]> {
  const rows = await db.selectFrom('complaint_category').selectAll().orderBy('position').execute();
  return rows.map((row) => ({ code: row.code, nameZh: row.name_zh, nameEn: row.name_en }));
}

/** Active staff whose role handles complaints, by name: whom a ticket may be handed to. */
export async function complaintReceivers(db: Kysely<Database>): Promise<StaffRef[]> {
  const rows = await db
    .selectFrom('staff')
    .innerJoin('role_permission', 'role_permission.role', 'staff.role')
    .select(['staff.id', 'staff.display_name'])
    .where('staff.active', '=', 1)
    .where('role_permission.permission', '=', 'complaints.handle')
    .orderBy('staff.display_name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.display_name }));
}

async function staffNames(db: Kysely<Database>, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

const ref = (names: Map<string, string>, id: string) => ({ id, name: names.get(id) ?? id });

function summaryOf(row: ComplaintRow, names: Map<string, string>, guestName: string | null): ComplaintSummary {
  return {
    id: row.id,
    number: row.number,
    openedAt: row.opened_at,
    channel: row.channel,
    category: row.category,
    severity: row.severity,
    status: row.status,
    owner: ref(names, row.owner_id),
    pendingOwner: row.pending_owner_id === null ? null : ref(names, row.pending_owner_id),
    guestName,
  };
}

async function guestName(db: Kysely<Database>, guestId: string | null): Promise<string | null> {
  if (guestId === null) return null;
  const guest = await db.selectFrom('guest').select('name').where('id', '=', guestId).executeTakeFirst();
  return guest?.name ?? null;
}

export async function loadComplaint(db: Kysely<Database>, id: string): Promise<Complaint> {
  const row = await complaintRow(db, id);
  const events = await db
    .selectFrom('complaint_event')
    .selectAll()
    .where('complaint_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const names = await staffNames(db, [
    row.owner_id,
    row.pending_owner_id,
    row.opened_by,
    ...events.flatMap((event) => [event.staff_id, event.target_staff_id]),
  ]);
  const timeline: ComplaintEvent[] = events.map((event) => ({
    id: event.id,
    at: event.at,
    kind: event.kind,
    staff: ref(names, event.staff_id),
    target: event.target_staff_id === null ? null : ref(names, event.target_staff_id),
    note: event.note,
  }));
  return {
    ...summaryOf(row, names, await guestName(db, row.guest_id)),
    openedBy: ref(names, row.opened_by),
    guestId: row.guest_id,
    bookingId: row.booking_id,
    ticketOrderId: row.ticket_order_id,
    description: row.description,
    expectation: row.expectation,
    respondedAt: row.responded_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    timeline,
  };
}

/** Newest first; `mine` is what the caller owns or has been offered, not yet closed. */
export async function listComplaints(
  db: Kysely<Database>,
  staffId: string,
  view: View,
  severity: ComplaintSeverity | null,
): Promise<ComplaintSummary[]> {
  let query = db
    .selectFrom('complaint')
    .leftJoin('guest', 'guest.id', 'complaint.guest_id')
    .selectAll('complaint')
    .select('guest.name as guest_name');
  if (view !== 'all') query = query.where('complaint.status', '!=', 'closed');
  if (view === 'mine')
    query = query.where((eb) =>
      eb.or([eb('complaint.owner_id', '=', staffId), eb('complaint.pending_owner_id', '=', staffId)]),
    );
  if (severity !== null) query = query.where('complaint.severity', '=', severity);
  const rows = await query.orderBy('complaint.opened_at', 'desc').orderBy('complaint.id', 'desc').execute();
  const names = await staffNames(
    db,
    rows.flatMap((row) => [row.owner_id, row.pending_owner_id]),
  );
  return rows.map(({ guest_name, ...row }) => summaryOf(row, names, guest_name));
}
