/** The monthly reports' handler: operations, risk and satisfaction, one calendar month each. */
import type { HandlerMap } from '../rpc/handler';
import { operationsReport } from './monthly/operations';
import { riskReport } from './monthly/risk';
import { satisfactionReport } from './monthly/satisfaction';

export const monthlyReportHandlers: HandlerMap<'reports.monthly'> = {
  'reports.monthly': (ctx, { kind, month, samplePercent, seed }) => {
    const report = { db: ctx.db, now: ctx.now, generatedBy: ctx.session.displayName };
    if (kind === 'operations') return operationsReport(report, month);
    if (kind === 'risk') return riskReport(report, month, { samplePercent, seed });
    return satisfactionReport(report, month);
  },
};
