/**
 * The monthly user-satisfaction report: the complaints opened in the month by category and
 * severity, and the service team's measures as the complaints screen computes them
 * (complaintMeasures: first-contact resolution, the share kept within the "5+X" targets,
 * call-backs within 24 hours, the average score), so the report never disagrees with the screen.
 */
import { COMPLAINT_SEVERITIES } from '@shared/contract/complaints';
import type { ReportDocument, ReportValue } from '@shared/contract/reports';
import { complaintMeasures } from '../../complaints/measures';
import { measureFigures } from '../daily/complaints';
import { monthlyFrame, type ReportContext } from './document';
import { column, count, figure, label, section, text } from '../values';

export async function satisfactionReport(ctx: ReportContext, key: string): Promise<ReportDocument> {
  const { header, month } = await monthlyFrame(ctx, 'satisfaction', key);
  const measures = await complaintMeasures(ctx.db, { from: month.first, to: month.last }, ctx.now);
  const opened = await ctx.db
    .selectFrom('complaint')
    .select((eb) => ['category', 'severity', eb.fn.countAll<number>().as('n')])
    .where('opened_at', '>=', month.start)
    .where('opened_at', '<', month.end)
    .groupBy(['category', 'severity'])
    .execute();
  const categories = await ctx.db
    .selectFrom('complaint_category')
    .select(['code', 'name_zh'])
    .orderBy('position')
    .orderBy('code')
    .execute();
  const tally = (pick: (row: (typeof opened)[number]) => boolean) =>
    opened.filter(pick).reduce((sum, row) => sum + Number(row.n), 0);
  const bySeverity = (pick: (row: (typeof opened)[number]) => boolean) => {
    const cells: Record<string, ReportValue> = {};
    for (const severity of COMPLAINT_SEVERITIES)
      cells[severity] = count(tally((row) => pick(row) && row.severity === severity));
    cells.total = count(tally(pick));
    return cells;
  };
  // A category no longer listed still shows, under its code.
  const known = new Set(categories.map((c) => c.code));
  const listed = [
    ...categories,
    ...[...new Set(opened.map((row) => row.category))]
      .filter((code) => !known.has(code))
      .map((code) => ({ code, name_zh: code })),
  ];

  return {
    ...header,
    sections: [
      section('satisfactionMeasures', {
        figures: [
          figure('complaintsOpened', count(measures.opened)),
          figure('complaintsResolved', count(measures.resolved)),
          ...measureFigures(measures),
        ],
      }),
      section('satisfactionComplaints', {
        tables: [
          {
            id: 'complaintsByCategory',
            title: 'complaintsByCategory',
            columns: [
              column('category'),
              ...COMPLAINT_SEVERITIES.map((s) => column(s, `severity_${s}`)),
              column('total'),
            ],
            rows: listed
              .filter((category) => tally((row) => row.category === category.code) > 0)
              .map((category) => ({
                category: text(category.name_zh),
                ...bySeverity((row) => row.category === category.code),
              })),
            totals: { category: text(''), ...bySeverity(() => true) },
            chart: { kind: 'bar', x: 'category', series: ['total'] },
          },
          {
            id: 'complaintsBySeverity',
            title: 'complaintsBySeverity',
            columns: [column('severity'), column('complaints', 'complaintsOpened')],
            rows: COMPLAINT_SEVERITIES.map((severity) => ({
              severity: label(`complaints.severities.${severity}`),
              complaints: count(tally((row) => row.severity === severity)),
            })),
            totals: { severity: text(''), complaints: count(tally(() => true)) },
            chart: { kind: 'bar', x: 'severity', series: ['complaints'] },
          },
        ],
      }),
    ],
    definitions: [
      'complaintsOpened',
      'withinTargetRate',
      'firstContactResolutionRate',
      'callbacksWithin24hRate',
      'satisfactionScore',
      'workingHours',
    ],
  };
}
