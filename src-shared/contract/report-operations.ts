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
};
