/** The risk report's approvals section: the month's approval requests by tier, with how long each tier took to decide. */
import type { ReportSection } from '@shared/contract/reports';
import { isRole, type Role } from '@shared/permissions';
import { APPROVER_RANK } from '@shared/rules/approval-tiers';
import { median } from '@shared/rules/statistics';
import { type Month, type ReportContext } from './document';
import { column, count, figure, label, number, rate, section, text } from '../values';
import { ratio } from '@shared/rules/statistics';

const HOUR = 3_600_000;
const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;
/**
 * Approval requests made in the month, by tier: the role whose decision approved it (the highest
 * approver's), else the role it still awaits or was refused at; a request that only needed a second
 * person's review is its own row. Turnaround: from the request to its decision, in elapsed hours.
 */
export async function approvalsSection(ctx: ReportContext, month: Month): Promise<ReportSection> {
  const requests = await ctx.db
    .selectFrom('approval_request')
    .select(['id', 'status', 'awaiting_role', 'created_at', 'decided_at'])
    .where('created_at', '>=', month.start)
    .where('created_at', '<', month.end)
    .execute();
  const decisions = await ctx.db
    .selectFrom('approval_decision')
    .select(['request_id', 'approved', 'decider_role'])
    .where('request_id', 'in', (eb) =>
      eb
        .selectFrom('approval_request')
        .select('id')
        .where('created_at', '>=', month.start)
        .where('created_at', '<', month.end),
    )
    .execute();
  const rank = (role: Role | null) => (role === null ? -1 : APPROVER_RANK[role]);
  const tierOf = (request: (typeof requests)[number]): Role | 'review' => {
    const own = decisions.filter((d) => d.request_id === request.id);
    const approvers = own.filter((d) => d.approved === 1 && isRole(d.decider_role)).map((d) => d.decider_role);
    if (approvers.length > 0) return approvers.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    if (request.awaiting_role !== null && isRole(request.awaiting_role)) return request.awaiting_role;
    const refuser = own.find((d) => isRole(d.decider_role));
    return refuser && request.status === 'rejected' ? refuser.decider_role : 'review';
  };
  const tiers = new Map<Role | 'review', { statuses: string[]; hours: number[] }>();
  for (const request of requests) {
    const tier = tierOf(request);
    const entry = tiers.get(tier) ?? tiers.set(tier, { statuses: [], hours: [] }).get(tier)!;
    entry.statuses.push(request.status);
    if (request.decided_at !== null) entry.hours.push(hoursBetween(request.created_at, request.decided_at));
  }
  const ordered = [...tiers].sort(([a], [b]) => (a === 'review' ? 99 : rank(a)) - (b === 'review' ? 99 : rank(b)));
  const line = (statuses: string[], hours: number[]) => {
    const of = (status: string) => count(statuses.filter((s) => s === status).length);
    return {
      requested: count(statuses.length),
      executed: of('executed'),
      rejected: of('rejected'),
      failed: of('failed'),
      pending: of('pending'),
      medianHours: number(median(hours), 1),
      averageHours: number(hours.length === 0 ? null : hours.reduce((a, b) => a + b, 0) / hours.length, 1),
    };
  };
  const all = [...tiers.values()];
  const allHours = all.flatMap((t) => t.hours);
  return section('riskApprovals', {
    figures: [
      figure('approvalRequests', count(requests.length)),
      figure('approvalRate', rate(ratio(requests.filter((r) => r.status === 'executed').length, requests.length))),
      figure('medianTurnaroundHours', number(median(allHours), 1)),
    ],
    tables: [
      {
        id: 'approvalsByTier',
        title: 'approvalsByTier',
        columns: [
          column('tier'),
          column('requested'),
          column('executed'),
          column('rejected'),
          column('failed'),
          column('pending'),
          column('medianHours', 'medianTurnaroundHours'),
          column('averageHours', 'averageTurnaroundHours'),
        ],
        rows: ordered.map(([tier, { statuses, hours }]) => ({
          tier: tier === 'review' ? label('reports.labels.dualReviewOnly') : label(`roles.${tier}`),
          ...line(statuses, hours),
        })),
        totals: {
          tier: text(''),
          ...line(
            all.flatMap((t) => t.statuses),
            allHours,
          ),
        },
      },
    ],
  });
}
