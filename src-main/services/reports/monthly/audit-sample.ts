/**
 * The risk report's audit sample: a reproducible random X% of the month's sensitive operations for
 * the internal audit to check by hand.
 *
 * Sensitive: an operation the approval policy names (approval_rule: price overrides, waivers,
 * overbooking, exports, erasures, points adjustments, compensation, the night audit …) that went
 * through, on any desk of the property (this desk's audit trail and the other desks' it holds).
 *
 * Random and reproducible: each entry's draw is SHA-256 of the seed and the entry's id, and the
 * sample is the entries with the lowest draws. A keyed hash is a pseudo-random function of the
 * seed: the same seed always picks the same entries, whatever order the rows are read in and on
 * whichever desk, and an auditor can check a pick with any SHA-256 tool. An entry that reaches this
 * desk late (another desk's, after a sync) keeps the draws of the others, so it can only take a
 * place, not reshuffle the sample. The seed is printed on the report; unless one is given it is
 * the property's id and the month ("<property id>:2026-11").
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { Month } from './document';

export interface SampledOperation {
  auditId: string;
  at: string;
  operation: string;
  actorName: string | null;
  entityType: string | null;
  entityId: string | null;
  /** The subject's human number (booking, order, complaint, cancellation, member, guest) or the approval's label. */
  subject: string | null;
  draw: string;
}

export interface AuditSample {
  seed: string;
  percent: number;
  population: number;
  picks: SampledOperation[];
}

export const defaultSeed = (propertyId: string, month: string) => `${propertyId}:${month}`;

/** The draw of one entry under a seed: 64 hex digits, compared as text. */
export const drawOf = (seed: string, auditId: string) =>
  createHash('sha256').update(`${seed}\n${auditId}`).digest('hex');

/** How many of `population` a percent takes: rounded up, so any population of one or more gives at least one. */
export const sampleSize = (population: number, percent: number) =>
  Math.min(population, Math.ceil((population * percent) / 100 - 1e-9));

export async function auditSample(
  db: Kysely<Database>,
  month: Month,
  { seed, percent }: { seed: string; percent: number },
): Promise<AuditSample> {
  const sensitive = db.selectFrom('approval_rule').select('operation');
  const entries = (table: 'audit_log' | 'audit_remote') =>
    db
      .selectFrom(table)
      .select(['id', 'at', 'operation', 'actor_name', 'entity_type', 'entity_id'])
      .where('outcome', '=', 'ok')
      .where('operation', 'in', sensitive)
      .where('at', '>=', month.start)
      .where('at', '<', month.end);
  const rows = await entries('audit_log').unionAll(entries('audit_remote')).execute();
  const population = new Map(rows.map((row) => [row.id, row]));
  const k = sampleSize(population.size, percent);
  const picked = [...population.values()]
    .map((row) => ({ row, draw: drawOf(seed, row.id) }))
    .sort((a, b) => (a.draw < b.draw ? -1 : a.draw > b.draw ? 1 : 0))
    .slice(0, k)
    .sort((a, b) => (a.row.at < b.row.at ? -1 : a.row.at > b.row.at ? 1 : a.row.id < b.row.id ? -1 : 1));
  const subjects = await subjectLabels(
    db,
    picked.map(({ row }) => row),
  );
  return {
    seed,
    percent,
    population: population.size,
    picks: picked.map(({ row, draw }) => ({
      auditId: row.id,
      at: row.at,
      operation: row.operation,
      actorName: row.actor_name,
      entityType: row.entity_type,
      entityId: row.entity_id,
      subject: row.entity_id === null ? null : (subjects.get(`${row.entity_type}:${row.entity_id}`) ?? null),
      draw,
    })),
  };
}

type Subject = { entity_type: string | null; entity_id: string | null };

/** The human numbers of the picked entries' subjects, read for the few picked only. */
async function subjectLabels(db: Kysely<Database>, picks: readonly Subject[]): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(picks.filter((p) => p.entity_type === type && p.entity_id !== null).map((p) => p.entity_id!)),
  ];
  const labels = new Map<string, string>();
  const add = (type: string, rows: { id: string; label: string }[]) => {
    for (const row of rows) labels.set(`${type}:${row.id}`, row.label);
  };
  const lookups = {
    booking: (list: string[]) =>
      db.selectFrom('booking').select(['id', 'number as label']).where('id', 'in', list).execute(),
    ticket_order: (list: string[]) =>
      db.selectFrom('ticket_order').select(['id', 'number as label']).where('id', 'in', list).execute(),
    complaint: (list: string[]) =>
      db.selectFrom('complaint').select(['id', 'number as label']).where('id', 'in', list).execute(),
    cancellation: (list: string[]) =>
      db.selectFrom('cancellation').select(['id', 'number as label']).where('id', 'in', list).execute(),
    member: (list: string[]) =>
      db.selectFrom('member').select(['id', 'member_no as label']).where('id', 'in', list).execute(),
    guest: (list: string[]) =>
      db.selectFrom('guest').select(['id', 'customer_no as label']).where('id', 'in', list).execute(),
    approval_request: (list: string[]) =>
      db.selectFrom('approval_request').select(['id', 'subject_label as label']).where('id', 'in', list).execute(),
  };
  for (const [type, lookup] of Object.entries(lookups)) {
    const list = ids(type);
    if (list.length > 0) add(type, await lookup(list));
  }
  return labels;
}
