/** The daily report's handler; the monthly reports and the sign-off keep theirs in sibling files. */
import type { HandlerMap } from '../rpc/handler';
import { dailyReport } from './daily';

export const reportHandlers: HandlerMap<'reports.daily'> = {
  'reports.daily': (ctx, { date }) => dailyReport(ctx.db, { date, now: ctx.now, generatedBy: ctx.session.displayName }),
};
