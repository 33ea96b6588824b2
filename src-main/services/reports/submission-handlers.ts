/**
 * Report sign-off: a supervisor submits a finished report, and the desk freezes it — it computes
 * the report document itself, inside the submission's transaction, and stores it whole in
 * `report_submission`, so later bookings, audits or syncs never change what was signed. One
 * submission per kind and period (the table's unique key; the server keeps the first to arrive),
 * and only once the period is finished (src-shared/rules/report-deadlines.ts). The report calendar
 * of a month is ./calendar.ts.
 */
import type { Kysely } from 'kysely';
import type { SubmittedReport } from '@shared/contract/report-operations';
import { REPORT_KINDS, type ReportKind } from '@shared/contract/report-kinds';
import type { ReportDocument } from '@shared/contract/reports';
import { AppError } from '@shared/errors';
import { fromJson, toJson } from '@shared/json';
import { wallClock } from '@shared/rules/business-day';
import { isFinished, periodEndsAt } from '@shared/rules/report-deadlines';
import type { Database } from '../../db/schema';
import { loadProperty } from '../auth/session-info';
import { businessDate } from '../business-date';
import { newId } from '../made';
import type { HandlerMap } from '../rpc/handler';
import { reportCalendar } from './calendar';
import { dailyReport } from './daily';
import { operationsReport } from './monthly/operations';
import { riskReport } from './monthly/risk';
import { satisfactionReport } from './monthly/satisfaction';
import { weeklyReport } from './weekly';

interface BuildInput {
  period: string;
  now: Date;
  generatedBy: string;
}

type Builder = (db: Kysely<Database>, input: BuildInput) => Promise<ReportDocument>;

/**
 * The reports this desk can build, hence file: each exactly as its own screen shows it (the risk
 * report with its default 5% audit sample and seed).
 */
const BUILDERS: Partial<Record<ReportKind, Builder>> = {
  daily: (db, { period, now, generatedBy }) => dailyReport(db, { date: period, now, generatedBy }),
  weekly: (db, { period, now, generatedBy }) => weeklyReport(db, { week: period, now, generatedBy }),
  operations: (db, { period, ...by }) => operationsReport({ db, ...by }, period),
  risk: (db, { period, ...by }) => riskReport({ db, ...by }, period, { samplePercent: 5 }),
  satisfaction: (db, { period, ...by }) => satisfactionReport({ db, ...by }, period),
};

export const FILED_KINDS: readonly ReportKind[] = REPORT_KINDS.filter((kind) => BUILDERS[kind] !== undefined);

async function loadSubmission(db: Kysely<Database>, kind: ReportKind, period: string): Promise<SubmittedReport | null> {
  const row = await db
    .selectFrom('report_submission')
    .leftJoin('staff', 'staff.id', 'report_submission.submitted_by')
    .selectAll('report_submission')
    .select('staff.display_name')
    .where('report_submission.kind', '=', kind)
    .where('report_submission.period', '=', period)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    period: row.period,
    document: fromJson(row.document_json),
    submittedBy: { id: row.submitted_by, name: row.display_name ?? row.submitted_by },
    submittedAt: row.submitted_at,
  };
}

export const submissionHandlers: HandlerMap<'reports.submit' | 'reports.submitted' | 'reports.calendar'> = {
  'reports.submit': async (ctx, { kind, period }) => {
    const build = BUILDERS[kind];
    if (!build) throw new AppError('INPUT_INVALID', { fields: 'kind' }, ['kind']);
    const { timeZone } = await loadProperty(ctx.db);
    const open = await businessDate(ctx.db, ctx.now);
    if (!isFinished(kind, period, { businessDate: open, now: ctx.now, timeZone }))
      throw new AppError('REPORT_PERIOD_OPEN', {
        period,
        endsAt: wallClock(periodEndsAt(kind, period, timeZone), timeZone),
      });
    const earlier = await loadSubmission(ctx.db, kind, period);
    if (earlier)
      throw new AppError('REPORT_ALREADY_SUBMITTED', {
        period,
        by: earlier.submittedBy.name,
        at: wallClock(earlier.submittedAt, timeZone),
      });
    const document = await build(ctx.db, { period, now: ctx.now, generatedBy: ctx.session.displayName });
    const id = newId();
    await ctx.db
      .insertInto('report_submission')
      .values({
        id,
        kind,
        period,
        document_json: toJson(document),
        submitted_by: ctx.session.staffId,
        submitted_at: ctx.now.toISOString(),
        device: ctx.device.id,
        server_version: null,
      })
      .execute();
    // The figures live in the row; the audit trail names the report, not its contents.
    ctx.audit({ entityType: 'report_submission', entityId: id, after: { kind, period } });
    return (await loadSubmission(ctx.db, kind, period))!;
  },

  'reports.submitted': async (ctx, { kind, period }) => loadSubmission(ctx.db, kind, period),

  'reports.calendar': async (ctx, { month }) => reportCalendar(ctx.db, { month, now: ctx.now, kinds: FILED_KINDS }),
};
