/**
 * Report operations (issue 14): each report is computed on the desk from its own database and
 * returned as one generic ReportDocument (see ./reports): the daily, weekly and monthly reports,
 * and their sign-off and calendar.
 */
import { z } from 'zod';
import { isPeriodOf, type ReportDueState } from '../rules/report-deadlines';
import type { StaffRef } from './complaints';
import { mutation, query } from './define';
import { localDate } from './fields';
import { REPORT_KINDS, type ReportKind } from './report-kinds';
import type { ReportDocument } from './reports';

/** A report as a supervisor submitted it: the document frozen as it stood then. */
export interface SubmittedReport {
  id: string;
  kind: ReportKind;
  /** The business date (2026-11-30), ISO week (2026-W48) or month (2026-11). */
  period: string;
  document: ReportDocument;
  submittedBy: StaffRef;
  submittedAt: string;
}

/** One report due for a month, with its deadline and where it stands (src-shared/rules/report-deadlines.ts). */
export interface ReportDue {
  kind: ReportKind;
  period: string;
  /** The period's first and last local dates. */
  first: string;
  last: string;
  deadline: string;
  state: ReportDueState;
  submission: { id: string; by: StaffRef; at: string } | null;
}

export interface ReportCalendar {
  month: string;
  timeZone: string;
  /** The property's open business date. */
  businessDate: string;
  /** The kinds the desk files (a kind nobody builds yet is not due). */
  kinds: ReportKind[];
  reports: ReportDue[];
}

const reportPeriod = z
  .object({ kind: z.enum(REPORT_KINDS), period: z.string().trim() })
  .refine((input) => isPeriodOf(input.kind, input.period), { path: ['period'], error: 'not a period of this kind' });

export const reportOperations = {
  /** The daily report (日报) with the manager's flash for one business date of the property. */
  'reports.daily': query<ReportDocument>()({
    name: 'reports.daily',
    input: z.object({ date: localDate }),
    access: 'reports.view',
  }),
  /** The weekly report (周报) for one ISO week of the property, Monday to Sunday (2026-W48). */
  'reports.weekly': query<ReportDocument>()({
    name: 'reports.weekly',
    input: z.object({
      week: z
        .string()
        .trim()
        .refine((week) => isPeriodOf('weekly', week), { error: 'not an ISO week (2026-W48)' }),
    }),
    access: 'reports.view',
  }),
  /**
   * A monthly report: operations, risk or satisfaction, for one calendar month of the property.
   * The risk report's audit sample takes `samplePercent` of the month's sensitive operations,
   * picked reproducibly from `seed` (by default one derived from the property and the month).
   */
  'reports.monthly': query<ReportDocument>()({
    name: 'reports.monthly',
    input: z.object({
      kind: z.enum(['operations', 'risk', 'satisfaction']),
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
      samplePercent: z.number().min(0.1).max(100).default(5),
      seed: z.string().trim().min(1).max(64).optional(),
    }),
    access: 'reports.view',
  }),
  /** Sign-off: freezes the finished report of a kind and period as the desk computes it now; once per kind and period. */
  'reports.submit': mutation<SubmittedReport>()({
    name: 'reports.submit',
    input: reportPeriod,
    access: 'reports.submit',
  }),
  /** The frozen document of a kind and period, or null while nobody has submitted it. */
  'reports.submitted': query<SubmittedReport | null>()({
    name: 'reports.submitted',
    input: reportPeriod,
    access: 'reports.view',
  }),
  /** The reports due for a month (2026-11): deadlines, and submitted, due or late. */
  'reports.calendar': query<ReportCalendar>()({
    name: 'reports.calendar',
    input: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
    access: 'reports.view',
  }),
};
