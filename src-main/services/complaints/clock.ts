/**
 * Where a ticket's "5+X" clocks stand: response and resolution targets per severity (data),
 * counted on the working calendar (the package's days with the admins' corrections) in the
 * property's time zone, less the time spent waiting on the guest. Deadlines are derived on each
 * desk from synced facts, never stored: a corrected calendar or target applies to every running
 * ticket at once, and no desk can send a deadline of its own choosing. A ticket's due instants
 * are kept in memory until the ticket or the policy changes.
 */
import type { Kysely } from 'kysely';
import type { ClockState, ComplaintClock, ComplaintSeverity, ComplaintTarget } from '@shared/contract';
import { deadlineOf, type Pause, type Target } from '@shared/rules/deadlines';
import { chineseWorkingCalendar, type WorkingCalendar } from '@shared/rules/working-calendar';
import type { ComplaintRow, Database } from '../../db/schema';
import { loadProperty } from '../auth/session-info';

/** Past this share of a target a ticket is "due soon". */
export const DUE_SOON_SHARE = 0.8;

export interface ClockPolicy {
  zone: string;
  calendar: WorkingCalendar;
  targets: ReadonlyMap<ComplaintSeverity, ComplaintTarget>;
  /** Changes whenever the zone, the targets or the calendar's corrections do. */
  signature: string;
}

export async function complaintTargets(db: Kysely<Database>): Promise<ComplaintTarget[]> {
  const rows = await db.selectFrom('complaint_target').selectAll().execute();
  const order: ComplaintSeverity[] = ['general', 'major', 'group'];
  return rows
    .map((row) => ({
      severity: row.severity,
      respond: { amount: row.respond_amount, unit: row.respond_unit },
      resolve: { amount: row.resolve_amount, unit: row.resolve_unit },
    }))
    .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
}

export async function loadClockPolicy(db: Kysely<Database>): Promise<ClockPolicy> {
  const [{ timeZone }, targets, corrections] = await Promise.all([
    loadProperty(db),
    complaintTargets(db),
    db.selectFrom('working_day_correction').select(['date', 'working']).orderBy('date').execute(),
  ]);
  return {
    zone: timeZone,
    calendar: chineseWorkingCalendar({
      daysOff: corrections.filter((c) => c.working === 0).map((c) => c.date),
      workingDays: corrections.filter((c) => c.working === 1).map((c) => c.date),
    }),
    targets: new Map(targets.map((target) => [target.severity, target])),
    signature: JSON.stringify([timeZone, targets, corrections]),
  };
}

/** The pauses of a ticket from its timeline (paused … resumed), the open one from `waiting_since`. */
export function pausesOf(events: readonly { kind: string; at: string }[], waitingSince: string | null): Pause[] {
  const pauses: Pause[] = [];
  let from: string | null = null;
  for (const event of events) {
    if (event.kind === 'paused') from = event.at;
    if (event.kind === 'resumed' && from !== null) {
      pauses.push({ from, to: event.at });
      from = null;
    }
  }
  if (waitingSince !== null) pauses.push({ from: waitingSince, to: null });
  return pauses;
}

interface Due {
  dueAt: string | null;
  soonAt: string | null;
}

interface Dues {
  key: string;
  response: Due;
  resolution: Due;
}

type ClockRow = Pick<
  ComplaintRow,
  'id' | 'opened_at' | 'severity' | 'responded_at' | 'resolved_at' | 'waiting_since' | 'updated_at'
>;

const cache = new WeakMap<Kysely<Database>, Map<string, Dues>>();

function dueOf(row: ClockRow, target: Target, policy: ClockPolicy, pauses: readonly Pause[]): Due {
  const at = (amount: number) =>
    deadlineOf(row.opened_at, { amount, unit: target.unit }, policy.zone, policy.calendar, pauses);
  return { dueAt: at(target.amount), soonAt: at(target.amount * DUE_SOON_SHARE) };
}

function stateOf(due: Due, met: string | null, paused: boolean, now: string): ComplaintClock {
  if (met !== null) return { dueAt: due.dueAt, state: 'met' };
  if (paused) return { dueAt: null, state: 'paused' };
  const state: ClockState =
    due.dueAt !== null && now >= due.dueAt ? 'overdue' : due.soonAt !== null && now >= due.soonAt ? 'due_soon' : 'ok';
  return { dueAt: due.dueAt, state };
}

/**
 * The clocks of these tickets at `now`. Timelines are read only for tickets whose dues are not
 * already known for their current version under the current policy.
 */
export async function clocksOf(
  db: Kysely<Database>,
  rows: readonly ClockRow[],
  policy: ClockPolicy,
  now: Date,
): Promise<Map<string, { response: ComplaintClock; resolution: ComplaintClock }>> {
  let known = cache.get(db);
  if (!known) cache.set(db, (known = new Map()));
  const keyOf = (row: ClockRow) => `${row.updated_at}|${policy.signature}`;
  const stale = rows.filter((row) => known.get(row.id)?.key !== keyOf(row));
  const events = new Map<string, { kind: string; at: string }[]>();
  for (let i = 0; i < stale.length; i += 500) {
    const ids = stale.slice(i, i + 500).map((row) => row.id);
    const found = await db
      .selectFrom('complaint_event')
      .select(['complaint_id', 'kind', 'at'])
      .where('complaint_id', 'in', ids)
      .where('kind', 'in', ['paused', 'resumed'])
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const event of found) events.set(event.complaint_id, [...(events.get(event.complaint_id) ?? []), event]);
  }
  for (const row of stale) {
    const target = policy.targets.get(row.severity);
    const pauses = pausesOf(events.get(row.id) ?? [], row.waiting_since);
    const none = { dueAt: null, soonAt: null };
    known.set(row.id, {
      key: keyOf(row),
      response: target ? dueOf(row, target.respond, policy, pauses) : none,
      resolution: target ? dueOf(row, target.resolve, policy, pauses) : none,
    });
  }
  const at = now.toISOString();
  return new Map(
    rows.map((row) => {
      const dues = known.get(row.id)!;
      const paused = row.waiting_since !== null;
      return [
        row.id,
        {
          response: stateOf(dues.response, row.responded_at ?? row.resolved_at, paused, at),
          resolution: stateOf(dues.resolution, row.resolved_at, paused, at),
        },
      ];
    }),
  );
}
