/** Complaint tickets read back for the screens: one with its timeline, or the list by view and severity. */
import type { Kysely } from 'kysely';
import type {
  Complaint,
  ComplaintCategory,
  ComplaintClock,
  ComplaintEvent,
  ComplaintSeverity,
  ComplaintSummary,
  ComplaintView,
  StaffRef,
} from '@shared/contract';
import { AppError } from '@shared/errors';
import type { ComplaintRow, Database } from '../../db/schema';
import { clocksOf, loadClockPolicy } from './clock';

type Clocks = { response: ComplaintClock; resolution: ComplaintClock };

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

export async function staffName(db: Kysely<Database>, staffId: string): Promise<string> {
  const staff = await db.selectFrom('staff').select('display_name').where('id', '=', staffId).executeTakeFirst();
  return staff?.display_name ?? staffId;
}

async function staffNames(db: Kysely<Database>, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

const ref = (names: Map<string, string>, id: string) => ({ id, name: names.get(id) ?? id });

function summaryOf(
  row: ComplaintRow,
  names: Map<string, string>,
  guestName: string | null,
  clocks: Clocks,
): ComplaintSummary {
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
    coOwner: row.co_owner_id === null ? null : ref(names, row.co_owner_id),
    guestName,
    waitingSince: row.waiting_since,
    ...clocks,
  };
}

async function guestName(db: Kysely<Database>, guestId: string | null): Promise<string | null> {
  if (guestId === null) return null;
  const guest = await db.selectFrom('guest').select('name').where('id', '=', guestId).executeTakeFirst();
  return guest?.name ?? null;
}

export async function loadComplaint(db: Kysely<Database>, id: string, now: Date): Promise<Complaint> {
  const row = await complaintRow(db, id);
  const [plan, compensations] = await Promise.all([
    db.selectFrom('complaint_plan_item').selectAll().where('complaint_id', '=', id).orderBy('position').execute(),
    db.selectFrom('complaint_compensation').selectAll().where('complaint_id', '=', id).orderBy('given_at').execute(),
  ]);
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
    row.co_owner_id,
    row.signed_off_by,
    row.opened_by,
    ...events.flatMap((event) => [event.staff_id, event.target_staff_id]),
    ...plan.map((item) => item.done_by),
    ...compensations.map((given) => given.given_by),
  ]);
  const clocks = (await clocksOf(db, [row], await loadClockPolicy(db), now)).get(row.id)!;
  const timeline: ComplaintEvent[] = events.map((event) => ({
    id: event.id,
    at: event.at,
    kind: event.kind,
    staff: ref(names, event.staff_id),
    target: event.target_staff_id === null ? null : ref(names, event.target_staff_id),
    note: event.note,
  }));
  return {
    ...summaryOf(row, names, await guestName(db, row.guest_id), clocks),
    openedBy: ref(names, row.opened_by),
    guestId: row.guest_id,
    bookingId: row.booking_id,
    ticketOrderId: row.ticket_order_id,
    description: row.description,
    expectation: row.expectation,
    respondedAt: row.responded_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    signedOffBy: row.signed_off_by === null ? null : ref(names, row.signed_off_by),
    signedOffAt: row.signed_off_at,
    timeline,
    plan: plan.map((item) => ({
      id: item.id,
      step: item.step,
      doneAt: item.done_at,
      doneBy: item.done_by === null ? null : ref(names, item.done_by),
    })),
    compensations: compensations.map((given) => ({
      id: given.id,
      kind: given.kind,
      amountFen: given.amount_fen,
      points: given.points,
      note: given.note,
      givenAt: given.given_at,
      givenBy: ref(names, given.given_by),
    })),
  };
}

export interface ListFilter {
  view: ComplaintView;
  severity: ComplaintSeverity | null;
  guestId: string | null;
  bookingId: string | null;
  limit: number;
}

/** The tickets a view holds for `staffId`; a guest's or booking's history is every ticket of theirs. */
export function viewQuery(db: Kysely<Database>, staffId: string, filter: ListFilter) {
  let query = db.selectFrom('complaint');
  const history = filter.guestId !== null || filter.bookingId !== null;
  if (filter.guestId !== null) query = query.where('complaint.guest_id', '=', filter.guestId);
  if (filter.bookingId !== null) query = query.where('complaint.booking_id', '=', filter.bookingId);
  // Listed statuses rather than "not closed", so the status index narrows the read.
  if (!history && filter.view !== 'all')
    query = query.where('complaint.status', 'in', ['open', 'responded', 'resolved']);
  if (!history && filter.view === 'mine')
    query = query.where((eb) =>
      eb.or([
        eb('complaint.owner_id', '=', staffId),
        eb('complaint.pending_owner_id', '=', staffId),
        eb('complaint.co_owner_id', '=', staffId),
      ]),
    );
  if (!history && filter.view === 'unassigned')
    query = query.where('complaint.severity', '!=', 'general').where('complaint.co_owner_id', 'is', null);
  // A running target: neither resolved nor closed.
  if (!history && (filter.view === 'due_soon' || filter.view === 'overdue'))
    query = query.where('complaint.status', 'in', ['open', 'responded']);
  if (filter.severity !== null) query = query.where('complaint.severity', '=', filter.severity);
  return query;
}

export const worst = (clocks: Clocks) =>
  [clocks.response.state, clocks.resolution.state].includes('overdue')
    ? 'overdue'
    : [clocks.response.state, clocks.resolution.state].includes('due_soon')
      ? 'due_soon'
      : 'ok';

/** What a ticket's clocks are worked out from: read alone where every running ticket is weighed. */
export const CLOCK_COLUMNS = [
  'complaint.id',
  'complaint.opened_at',
  'complaint.severity',
  'complaint.responded_at',
  'complaint.resolved_at',
  'complaint.waiting_since',
  'complaint.updated_at',
] as const;

/**
 * Newest first, at most `limit`; due soon and overdue by due time, soonest first. For those two
 * every running ticket's clocks are weighed from their few columns, and only the tickets shown
 * are read whole.
 */
export async function listComplaints(
  db: Kysely<Database>,
  staffId: string,
  filter: ListFilter,
  now: Date,
): Promise<ComplaintSummary[]> {
  const policy = await loadClockPolicy(db);
  let shown: string[] | null = null;
  if (filter.view === 'due_soon' || filter.view === 'overdue') {
    const running = await viewQuery(db, staffId, filter).select(CLOCK_COLUMNS).execute();
    const clocks = await clocksOf(db, running, policy, now);
    shown = running
      .filter((row) => worst(clocks.get(row.id)!) === filter.view)
      .map((row) => ({ id: row.id, due: firstDue(clocks.get(row.id)!) }))
      .sort((a, b) => a.due.localeCompare(b.due))
      .slice(0, filter.limit)
      .map((row) => row.id);
    if (shown.length === 0) return [];
  }
  let query = viewQuery(db, staffId, filter)
    .leftJoin('guest', 'guest.id', 'complaint.guest_id')
    .selectAll('complaint')
    .select('guest.name as guest_name');
  query =
    shown === null
      ? query.orderBy('complaint.opened_at', 'desc').orderBy('complaint.id', 'desc').limit(filter.limit)
      : query.where('complaint.id', 'in', shown);
  const found = await query.execute();
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = shown === null ? found : shown.map((id) => byId.get(id)!);
  const clocks = await clocksOf(db, rows, policy, now);
  const names = await staffNames(
    db,
    rows.flatMap((row) => [row.owner_id, row.pending_owner_id, row.co_owner_id]),
  );
  return rows.map(({ guest_name, ...row }) => summaryOf(row, names, guest_name, clocks.get(row.id)!));
}

/** The earliest due instant of a ticket's running targets. */
function firstDue(clocks: Clocks): string {
  const running = [clocks.response, clocks.resolution].filter((c) => c.state !== 'met' && c.dueAt !== null);
  return running.map((c) => c.dueAt!).sort()[0] ?? '9999';
}
