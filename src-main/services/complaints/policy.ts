/**
 * The complaint policy admins keep: response and resolution targets per severity, and the
 * working calendar's corrections (next year's holidays before the package has them, a local day
 * off). Both are synced data; every desk's clocks follow them at once.
 */
import { AppError } from '@shared/errors';
import type { HandlerMap } from '../rpc/handler';
import { complaintTargets } from './clock';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { WorkingDayCorrection } from '@shared/contract';

async function corrections(db: Kysely<Database>, from: string | null): Promise<WorkingDayCorrection[]> {
  let query = db.selectFrom('working_day_correction').selectAll().orderBy('date');
  if (from !== null) query = query.where('date', '>=', from);
  const rows = await query.execute();
  return rows.map((row) => ({ date: row.date, working: row.working === 1, note: row.note }));
}

export const complaintPolicyHandlers: HandlerMap<
  'complaints.targets' | 'complaints.setTarget' | 'complaints.calendar' | 'complaints.correctCalendar'
> = {
  'complaints.targets': async (ctx) => complaintTargets(ctx.db),

  'complaints.setTarget': async (ctx, { severity, respond, resolve }) => {
    const before = (await complaintTargets(ctx.db)).find((target) => target.severity === severity);
    if (!before) throw new AppError('NOT_FOUND');
    await ctx.db
      .updateTable('complaint_target')
      .set({
        respond_amount: respond.amount,
        respond_unit: respond.unit,
        resolve_amount: resolve.amount,
        resolve_unit: resolve.unit,
      })
      .where('severity', '=', severity)
      .execute();
    ctx.audit({ entityType: 'complaint_target', entityId: severity, before, after: { respond, resolve } });
    return complaintTargets(ctx.db);
  },

  'complaints.calendar': async (ctx, { from }) => corrections(ctx.db, from),

  'complaints.correctCalendar': async (ctx, { date, working, note }) => {
    const before = await ctx.db
      .selectFrom('working_day_correction')
      .selectAll()
      .where('date', '=', date)
      .executeTakeFirst();
    if (working === null) {
      if (!before) throw new AppError('NOT_FOUND');
      await ctx.db.deleteFrom('working_day_correction').where('date', '=', date).execute();
    } else {
      await ctx.db
        .insertInto('working_day_correction')
        .values({ date, working: working ? 1 : 0, note })
        .onConflict((oc) => oc.column('date').doUpdateSet({ working: working ? 1 : 0, note }))
        .execute();
    }
    ctx.audit({ entityType: 'working_day', entityId: date, before: before ?? null, after: { working, note } });
    return corrections(ctx.db, null);
  },
};
