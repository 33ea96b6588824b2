/**
 * The night audit (夜审) and the business day's status. The audit closes the open business date —
 * the one its input names, which is the one the desk showed — and nothing else: bookings due on
 * that date (or before) that never arrived become no-shows, points that lapsed by then expire, and
 * the business date moves to the next day. Run after midnight it closes yesterday; run before the
 * date's calendar day has ended it is an early close, which the input must ask for and the approval
 * policy holds for a supervisor (src-main/services/approvals/held-operations.ts).
 */
import type { Selectable } from 'kysely';
import { AppError } from '@shared/errors';
import { auditPlan, wallClock } from '@shared/rules/business-day';
import type { Database } from '../../db/schema';
import { loadProperty } from '../auth/session-info';
import { businessDate, businessDayStatus, setBusinessDate } from '../business-date';
import { noShowPenalty } from '../cancellations/handlers';
import { insertCancellation } from '../cancellations/records';
import { expirePoints } from '../members/stays';
import type { HandlerContext, HandlerMap } from '../rpc/handler';
import { recordChange } from './history';
import { releaseNights } from './inventory';

/** Refuses anything but the open date, and an early close nobody asked for; returns the plan. */
async function checkClosing(ctx: HandlerContext, closingDate: string, earlyClose: boolean) {
  const { timeZone } = await loadProperty(ctx.db);
  const open = await businessDate(ctx.db, ctx.now);
  // A date already closed is refused, never the open one closed instead: a stale screen, or an
  // intent run again after another desk's audit, must not close the next day.
  if (closingDate < open) throw new AppError('NIGHT_AUDIT_DATE_CLOSED', { date: closingDate, open });
  if (closingDate > open) throw new AppError('INPUT_INVALID', { fields: 'closingDate' }, ['closingDate']);
  const plan = auditPlan(open, ctx.now, timeZone);
  if (plan.notStarted) throw new AppError('NIGHT_AUDIT_NOT_STARTED', { date: open });
  if (plan.early && !earlyClose)
    throw new AppError('NIGHT_AUDIT_EARLY', { date: open, endsAt: wallClock(plan.endsAt, timeZone) });
  return plan;
}

async function markNoShow(
  ctx: HandlerContext,
  booking: Selectable<Database['booking']>,
  closing: string,
): Promise<void> {
  // The no-show penalty of the booking's own terms becomes what it owes; any credit is refunded by hand.
  const charge = await noShowPenalty(ctx.db, booking);
  await ctx.db
    .updateTable('booking')
    .set({ status: 'no_show', total_fen: charge.penaltyFen, updated_at: ctx.now.toISOString() })
    .where('id', '=', booking.id)
    .execute();
  await releaseNights(ctx.db, booking.id);
  await insertCancellation(ctx, {
    subject: { bookingId: booking.id },
    arrival: booking.arrival,
    reason: 'no_show',
    note: '',
    charge,
    refundMethod: null,
  });
  await recordChange(
    ctx,
    booking.id,
    'no_show',
    { status: 'confirmed', totalFen: booking.total_fen },
    { status: 'no_show', businessDate: closing, penaltyFen: charge.penaltyFen },
  );
}

export const nightAuditHandlers: HandlerMap<'businessDay.status' | 'nightAudit.roll'> = {
  'businessDay.status': async ({ db, now }) => businessDayStatus(db, now),

  'nightAudit.roll': async (ctx, { closingDate, earlyClose }) => {
    const plan = await checkClosing(ctx, closingDate, earlyClose);
    const closing = plan.closes;
    // Only arrivals of the closed date and before: a guest due on the next date is never touched.
    const unarrived = await ctx.db
      .selectFrom('booking')
      .selectAll()
      .where('status', '=', 'confirmed')
      .where('arrival', '<=', closing)
      .orderBy('number')
      .execute();
    for (const booking of unarrived) await markNoShow(ctx, booking, closing);
    await expirePoints(ctx, closing);
    await setBusinessDate(ctx.db, plan.opens);
    const noShows = unarrived.map((b) => b.number);
    ctx.audit({
      entityType: 'business_date',
      entityId: closing,
      before: { businessDate: closing },
      after: { businessDate: plan.opens, noShows, ...(plan.early && { earlyClose: true, dayEndsAt: plan.endsAt }) },
    });
    return { closedDate: closing, businessDate: plan.opens, noShows, earlyClose: plan.early };
  },
};
