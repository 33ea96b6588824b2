/**
 * The monthly risk report: price overrides, penalty waivers, emergency authorisations and their
 * paperwork, overbookings and sync conflicts, denied operations and lock-outs, approvals by tier
 * with their turnaround, and the audit sample (./audit-sample). Read from the synced records
 * (booking changes, approvals, conflicts) and from the audit trails this desk holds (its own and
 * the other desks'), so the figures are the property's as far as this desk has synced.
 */
import { sql } from 'kysely';
import type { ReportDocument, ReportSection } from '@shared/contract/reports';
import { CONFLICT_KINDS } from '@shared/sync/conflicts';
import { approvalsSection } from './approvals';
import { auditSample, defaultSeed } from './audit-sample';
import { monthlyFrame, type Month, type ReportContext } from './document';
import { column, count, figure, instant, label, money, number, section, text } from '../values';

const operationLabel = (name: string) => label(`operations.${name}`);

/** Both desks' audit entries of the month (this desk's chain and the others' it holds). */
function auditOfMonth(ctx: ReportContext, month: Month) {
  const of = (table: 'audit_log' | 'audit_remote') =>
    ctx.db
      .selectFrom(table)
      .select(['id', 'at', 'operation', 'outcome', 'actor_name', 'entity_id', 'detail_json'])
      .where('at', '>=', month.start)
      .where('at', '<', month.end);
  return ctx.db.selectFrom(of('audit_log').unionAll(of('audit_remote')).as('audit'));
}

async function overridesSection(ctx: ReportContext, month: Month): Promise<ReportSection> {
  const rows = await ctx.db
    .selectFrom('booking_change')
    .innerJoin('booking', 'booking.id', 'booking_change.booking_id')
    .select([
      'booking_change.created_at',
      'booking_change.staff_name',
      'booking_change.auth_method',
      'booking.number',
      sql<number>`json_extract(booking_change.before_json, '$.totalFen')`.as('before_fen'),
      sql<number>`json_extract(booking_change.after_json, '$.totalFen')`.as('after_fen'),
    ])
    .where('booking_change.kind', '=', 'price_override')
    .where('booking_change.created_at', '>=', month.start)
    .where('booking_change.created_at', '<', month.end)
    .orderBy('booking_change.created_at')
    .execute();
  const cut = rows.reduce((sum, row) => sum + (Number(row.before_fen) - Number(row.after_fen)), 0);
  return section('riskOverrides', {
    figures: [figure('priceOverrides', count(rows.length)), figure('overrideReduction', money(cut))],
    tables: [
      {
        id: 'priceOverrides',
        title: 'priceOverrides',
        columns: [
          column('at'),
          column('booking'),
          column('before', 'totalBefore'),
          column('after', 'totalAfter'),
          column('difference'),
          column('staff'),
          column('authorisation'),
        ],
        rows: rows.map((row) => ({
          at: instant(row.created_at),
          booking: text(row.number),
          before: money(Number(row.before_fen)),
          after: money(Number(row.after_fen)),
          difference: money(Number(row.after_fen) - Number(row.before_fen)),
          staff: text(row.staff_name),
          authorisation: row.auth_method === null ? text('') : label(`reports.labels.auth_${row.auth_method}`),
        })),
      },
    ],
  });
}

async function waiversSection(ctx: ReportContext, month: Month): Promise<ReportSection> {
  const rows = await auditOfMonth(ctx, month)
    .leftJoin('cancellation', 'cancellation.id', 'audit.entity_id')
    .select([
      'audit.at',
      'audit.actor_name',
      'cancellation.number',
      sql<number>`json_extract(audit.detail_json, '$.before.penaltyFen')`.as('before_fen'),
      sql<number>`json_extract(audit.detail_json, '$.after.penaltyFen')`.as('after_fen'),
      sql<string | null>`json_extract(audit.detail_json, '$.after.reason')`.as('reason'),
    ])
    .where('audit.operation', '=', 'cancellations.waive')
    .where('audit.outcome', '=', 'ok')
    .orderBy('audit.at')
    .execute();
  const waived = rows.reduce((sum, row) => sum + (Number(row.before_fen) - Number(row.after_fen)), 0);
  return section('riskWaivers', {
    figures: [figure('penaltyWaivers', count(rows.length)), figure('penaltyWaived', money(waived))],
    tables: [
      {
        id: 'penaltyWaivers',
        title: 'penaltyWaivers',
        columns: [
          column('at'),
          column('cancellation'),
          column('before', 'penaltyBefore'),
          column('after', 'penaltyAfter'),
          column('waived', 'penaltyWaived'),
          column('staff'),
          column('reason'),
        ],
        rows: rows.map((row) => ({
          at: instant(row.at),
          cancellation: text(row.number ?? ''),
          before: money(Number(row.before_fen)),
          after: money(Number(row.after_fen)),
          waived: money(Number(row.before_fen) - Number(row.after_fen)),
          staff: text(row.actor_name ?? ''),
          reason: text(row.reason ?? ''),
        })),
      },
    ],
  });
}

/** on_time, late, overdue (not done and past due), open (not done, still in time). */
function paperworkState(row: { paperwork_due_at: string | null; paperwork_done_at: string | null }, now: string) {
  if (row.paperwork_done_at !== null)
    return row.paperwork_due_at === null || row.paperwork_done_at <= row.paperwork_due_at ? 'onTime' : 'late';
  return row.paperwork_due_at !== null && row.paperwork_due_at < now ? 'overdue' : 'open';
}

async function emergencySection(ctx: ReportContext, month: Month): Promise<ReportSection> {
  const rows = await ctx.db
    .selectFrom('approval_request')
    .select(['created_at', 'operation', 'subject_label', 'requester_name', 'paperwork_due_at', 'paperwork_done_at'])
    .where('emergency', '=', 1)
    .where('created_at', '>=', month.start)
    .where('created_at', '<', month.end)
    .orderBy('created_at')
    .execute();
  const now = ctx.now.toISOString();
  const states = rows.map((row) => paperworkState(row, now));
  const howMany = (state: string) => count(states.filter((s) => s === state).length);
  return section('riskEmergency', {
    figures: [
      figure('emergencyAuthorisations', count(rows.length)),
      figure('paperworkOnTime', howMany('onTime')),
      figure('paperworkLate', howMany('late')),
      figure('paperworkOverdue', howMany('overdue')),
      figure('paperworkOpen', howMany('open')),
    ],
    tables: [
      {
        id: 'emergencyAuthorisations',
        title: 'emergencyAuthorisations',
        columns: [
          column('at'),
          column('operation'),
          column('subject'),
          column('requester'),
          column('paperworkDue'),
          column('paperworkDone'),
          column('paperwork'),
        ],
        rows: rows.map((row, i) => ({
          at: instant(row.created_at),
          operation: operationLabel(row.operation),
          subject: text(row.subject_label),
          requester: text(row.requester_name),
          paperworkDue: row.paperwork_due_at === null ? text('') : instant(row.paperwork_due_at),
          paperworkDone: row.paperwork_done_at === null ? text('') : instant(row.paperwork_done_at),
          paperwork: label(`reports.labels.paperwork_${states[i]}`),
        })),
      },
    ],
  });
}

async function overbookingSection(ctx: ReportContext, month: Month): Promise<ReportSection> {
  const overbooked = await ctx.db
    .selectFrom('booking_change')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'created_overbooked')
    .where('created_at', '>=', month.start)
    .where('created_at', '<', month.end)
    .executeTakeFirstOrThrow();
  const conflicts = await ctx.db
    .selectFrom('sync_conflict')
    .select((eb) => [
      'kind',
      eb.fn.countAll<number>().as('raised'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'resolved').then(1).else(0).end()).as('resolved'),
    ])
    .where('created_at', '>=', month.start)
    .where('created_at', '<', month.end)
    .groupBy('kind')
    .execute();
  const byKind = new Map(conflicts.map((row) => [row.kind, row]));
  const rows = CONFLICT_KINDS.map((kind) => {
    const raised = Number(byKind.get(kind)?.raised ?? 0);
    const resolved = Number(byKind.get(kind)?.resolved ?? 0);
    return { kind, raised, resolved, open: raised - resolved };
  });
  const sum = (key: 'raised' | 'resolved' | 'open') => rows.reduce((total, row) => total + row[key], 0);
  return section('riskOverbooking', {
    figures: [figure('overbookings', count(Number(overbooked.n))), figure('syncConflicts', count(sum('raised')))],
    tables: [
      {
        id: 'syncConflicts',
        title: 'syncConflicts',
        columns: [column('kind', 'conflictKind'), column('raised'), column('resolved'), column('open', 'stillOpen')],
        rows: rows.map((row) => ({
          kind: label(`reports.labels.conflict_${row.kind}`),
          raised: count(row.raised),
          resolved: count(row.resolved),
          open: count(row.open),
        })),
        totals: {
          kind: text(''),
          raised: count(sum('raised')),
          resolved: count(sum('resolved')),
          open: count(sum('open')),
        },
      },
    ],
  });
}

/** Operations refused for want of a session or a permission, and sign-ins refused by a lock-out. */
async function accessSection(ctx: ReportContext, month: Month): Promise<ReportSection> {
  const denied = await auditOfMonth(ctx, month)
    .select((eb) => ['audit.operation', eb.fn.countAll<number>().as('n')])
    .where('audit.outcome', '=', 'denied')
    .groupBy('audit.operation')
    .orderBy('n', 'desc')
    .orderBy('audit.operation')
    .execute();
  const locked = await auditOfMonth(ctx, month)
    .select((eb) => [
      eb.fn.countAll<number>().as('refused'),
      eb.fn.count<number>(sql`DISTINCT json_extract(audit.detail_json, '$.input.username')`).as('accounts'),
    ])
    .where('audit.outcome', '=', 'failed')
    .where(sql<string>`json_extract(audit.detail_json, '$.error')`, '=', 'ACCOUNT_LOCKED')
    .executeTakeFirstOrThrow();
  const total = denied.reduce((sum, row) => sum + Number(row.n), 0);
  return section('riskAccess', {
    figures: [
      figure('deniedOperations', count(total)),
      figure('lockoutRefusals', count(Number(locked.refused))),
      figure('lockedAccounts', count(Number(locked.accounts))),
    ],
    tables: [
      {
        id: 'deniedOperations',
        title: 'deniedOperations',
        columns: [column('operation'), column('denied', 'deniedOperations')],
        rows: denied.map((row) => ({ operation: operationLabel(row.operation), denied: count(Number(row.n)) })),
        totals: { operation: text(''), denied: count(total) },
      },
    ],
  });
}

async function sampleSection(
  ctx: ReportContext,
  month: Month,
  options: { seed: string; percent: number },
): Promise<ReportSection> {
  const sample = await auditSample(ctx.db, month, options);
  return section('riskAuditSample', {
    figures: [
      figure('sensitiveOperations', count(sample.population)),
      figure('samplePercent', number(sample.percent, sample.percent % 1 === 0 ? 0 : 1)),
      figure('sampleSize', count(sample.picks.length)),
      figure('sampleSeed', text(sample.seed)),
    ],
    tables: [
      {
        id: 'auditSample',
        title: 'auditSample',
        columns: [column('at'), column('operation'), column('staff'), column('subject'), column('auditEntry')],
        rows: sample.picks.map((pick) => ({
          at: instant(pick.at),
          operation: operationLabel(pick.operation),
          staff: text(pick.actorName ?? ''),
          subject: text(pick.subject ?? pick.entityId ?? ''),
          auditEntry: text(pick.auditId),
        })),
      },
    ],
    notes: [{ key: 'auditSampleHow', params: { seed: sample.seed, percent: sample.percent } }],
  });
}

export interface RiskOptions {
  /** Percent of the month's sensitive operations to sample (5 by default). */
  samplePercent: number;
  /** The sample's seed; by default the property's id and the month. */
  seed?: string | undefined;
}

export async function riskReport(ctx: ReportContext, key: string, options: RiskOptions): Promise<ReportDocument> {
  const { header, month, property } = await monthlyFrame(ctx, 'risk', key);
  const seed = options.seed ?? defaultSeed(property.id, key);
  return {
    ...header,
    sections: [
      await overridesSection(ctx, month),
      await waiversSection(ctx, month),
      await emergencySection(ctx, month),
      await overbookingSection(ctx, month),
      await accessSection(ctx, month),
      await approvalsSection(ctx, month),
      await sampleSection(ctx, month, { seed, percent: options.samplePercent }),
    ],
    definitions: ['priceOverride', 'penaltyWaiver', 'paperworkStates', 'lockout', 'approvalTier', 'auditSample'],
  };
}
