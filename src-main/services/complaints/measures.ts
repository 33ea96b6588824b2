/**
 * The service team's measures over the complaints opened in a period of the property's local dates
 * (the reports reuse `complaintMeasures`): how many were opened and resolved, how many were
 * resolved at first contact, the median working hours to respond and to resolve, how many met both
 * targets, and how the satisfaction call-backs went. Time is counted as the deadlines count it
 * (working days of the corrected calendar, less the time spent waiting on the guest), and whether a
 * target was met is read from the same clocks the list shows, so a measure never disagrees with
 * the ticket's own badge.
 */
import type { Kysely } from 'kysely';
import type { ComplaintClock, ComplaintEventKind, ComplaintMeasures } from '@shared/contract';
import { workingHoursBetween } from '@shared/rules/deadlines';
import { localDateOf, localDayStartUtc, nextLocalDate } from '@shared/time';
import type { Database } from '../../db/schema';
import type { HandlerMap } from '../rpc/handler';
import { clocksOf, loadClockPolicy, pausesOf } from './clock';
import { median, ratio } from '@shared/rules/statistics';

/** Local dates, both included. */
export interface MeasurePeriod {
  from: string;
  to: string;
}

/** After any of these the resolution is no longer the first contact's. */
const NOT_FIRST_CONTACT: readonly ComplaintEventKind[] = ['handover_accepted', 'escalated', 'reopened'];
const READ_KINDS: readonly ComplaintEventKind[] = ['paused', 'resumed', 'resolved', ...NOT_FIRST_CONTACT];

type Event = { kind: ComplaintEventKind; at: string; staff_id: string };

/** A target is settled once it has been met or has come due; it was kept if met by its due. */
const settled = (clock: ComplaintClock) => clock.state === 'met' || clock.state === 'overdue';
const kept = (clock: ComplaintClock, metAt: string | null) =>
  clock.state === 'met' && metAt !== null && (clock.dueAt === null || metAt <= clock.dueAt);

export async function complaintMeasures(
  db: Kysely<Database>,
  { from, to }: MeasurePeriod,
  now: Date,
): Promise<ComplaintMeasures> {
  const policy = await loadClockPolicy(db);
  const zone = policy.zone;
  const start = localDayStartUtc(from, zone);
  const end = localDayStartUtc(nextLocalDate(to), zone);
  const opened = () => db.selectFrom('complaint').where('opened_at', '>=', start).where('opened_at', '<', end);

  const tickets = await opened()
    .select(['id', 'opened_at', 'opened_by', 'severity', 'responded_at', 'resolved_at', 'waiting_since', 'updated_at'])
    .execute();
  const events = new Map<string, Event[]>();
  for (const event of await db
    .selectFrom('complaint_event')
    .select(['complaint_id', 'kind', 'at', 'staff_id'])
    .where('complaint_id', 'in', opened().select('id'))
    .where('kind', 'in', READ_KINDS)
    .orderBy('at')
    .orderBy('id')
    .execute())
    events.set(event.complaint_id, [...(events.get(event.complaint_id) ?? []), event]);
  const clocks = await clocksOf(db, tickets, policy, now);

  let resolved = 0;
  let firstContact = 0;
  let settledBoth = 0;
  let keptBoth = 0;
  const responseHours: number[] = [];
  const resolutionHours: number[] = [];
  for (const ticket of tickets) {
    const timeline = events.get(ticket.id) ?? [];
    const pauses = pausesOf(timeline, ticket.waiting_since);
    // As the clock has it: a ticket resolved without a separate response was answered by its resolution.
    const respondedAt = ticket.responded_at ?? ticket.resolved_at;
    if (respondedAt !== null)
      responseHours.push(workingHoursBetween(ticket.opened_at, respondedAt, zone, policy.calendar, pauses));
    if (ticket.resolved_at !== null) {
      resolved++;
      resolutionHours.push(workingHoursBetween(ticket.opened_at, ticket.resolved_at, zone, policy.calendar, pauses));
      const resolver = timeline.findLast((event) => event.kind === 'resolved')?.staff_id;
      if (
        resolver === ticket.opened_by &&
        localDateOf(ticket.resolved_at, zone) === localDateOf(ticket.opened_at, zone) &&
        !timeline.some((event) => NOT_FIRST_CONTACT.includes(event.kind))
      )
        firstContact++;
    }
    const { response, resolution } = clocks.get(ticket.id)!;
    if (settled(response) && settled(resolution)) {
      settledBoth++;
      if (kept(response, respondedAt) && kept(resolution, ticket.resolved_at)) keptBoth++;
    }
  }

  const callbacks = await db
    .selectFrom('callback')
    .select((eb) => [
      eb.fn
        .avg<number | null>(
          eb
            .case()
            .when(
              eb.and([
                eb('last_outcome', '=', 'reached'),
                eb('score', 'is not', null),
                eb('last_attempt_at', '>=', start),
                eb('last_attempt_at', '<', end),
              ]),
            )
            .then(eb.ref('score'))
            .end(),
        )
        .as('score'),
      // Due in the period and settled: attempted, or past due without an attempt (one still in time is not counted yet).
      eb.fn
        .sum<number | null>(
          eb
            .case()
            .when(
              eb.and([
                eb('due_at', '>=', start),
                eb('due_at', '<', end),
                eb.or([eb('first_attempt_at', 'is not', null), eb('due_at', '<=', now.toISOString())]),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('due'),
      eb.fn
        .sum<number | null>(
          eb
            .case()
            .when(
              eb.and([
                eb('due_at', '>=', start),
                eb('due_at', '<', end),
                eb('first_attempt_at', '<=', eb.ref('due_at')),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('within'),
    ])
    .executeTakeFirstOrThrow();

  return {
    opened: tickets.length,
    resolved,
    firstContactResolutionRate: ratio(firstContact, resolved),
    medianResponseWorkingHours: median(responseHours),
    medianResolutionWorkingHours: median(resolutionHours),
    withinTargetRate: ratio(keptBoth, settledBoth),
    satisfactionScore: callbacks.score === null ? null : Number(callbacks.score),
    callbacksWithin24hRate: ratio(Number(callbacks.within ?? 0), Number(callbacks.due ?? 0)),
  };
}

export const measureHandlers: HandlerMap<'complaints.measures'> = {
  'complaints.measures': async (ctx, period) => complaintMeasures(ctx.db, period, ctx.now),
};
