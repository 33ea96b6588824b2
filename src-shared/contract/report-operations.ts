/**
 * Report operations (issue 14): each report is computed on the desk from its own database and
 * returned as one generic ReportDocument (see ./reports). Daily here; the monthly reports and the
 * sign-off add their declarations to this map.
 */
import { z } from 'zod';
import { query } from './define';
import { localDate } from './fields';
import type { ReportDocument } from './reports';

export const reportOperations = {
  /** The daily report (日报) with the manager's flash for one business date of the property. */
  'reports.daily': query<ReportDocument>()({
    name: 'reports.daily',
    input: z.object({ date: localDate }),
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
};
