/** The daily and weekly reports' handlers; the monthly reports and the sign-off keep theirs in sibling files. */
import type { HandlerMap } from '../rpc/handler';
import { dailyReport } from './daily';
import { weeklyReport } from './weekly';

export const reportHandlers: HandlerMap<'reports.daily' | 'reports.weekly'> = {
  'reports.daily': (ctx, { date }) => dailyReport(ctx.db, { date, now: ctx.now, generatedBy: ctx.session.displayName }),
  'reports.weekly': (ctx, { week }) =>
    weeklyReport(ctx.db, { week, now: ctx.now, generatedBy: ctx.session.displayName }),
};
