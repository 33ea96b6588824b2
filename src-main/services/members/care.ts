/**
 * Care tasks for the week of the business date: members whose birthday falls in it, and members
 * close to the next tier. A task ticked off stays done for that week.
 */
import type { Kysely } from 'kysely';
import type { CareTask } from '@shared/contract';
import { nextTierGap } from '@shared/rules/points';
import { isoWeek } from '@shared/time';
import type { Database } from '../../db/schema';
import { businessDate } from '../business-date';
import { memberTiers } from './ledger';
import { qualifying, tierOf } from './read';

export async function careTasks(db: Kysely<Database>, now: Date): Promise<CareTask[]> {
  const today = await businessDate(db, now);
  const week = isoWeek(today);
  const monthDays = new Set(week.days.map((d) => d.slice(5)));
  const tiers = await memberTiers(db);
  const members = await db
    .selectFrom('member')
    .innerJoin('guest', 'guest.id', 'member.guest_id')
    .select(['member.id', 'member.member_no', 'member.tier_code', 'member.birthday', 'member.guest_id', 'guest.name'])
    .where('member.status', '=', 'active')
    .orderBy('member.member_no')
    .execute();
  const done = await db.selectFrom('care_task').selectAll().where('period', '=', week.key).execute();
  const doneOf = (memberId: string, kind: CareTask['kind']) =>
    done.find((d) => d.member_id === memberId && d.kind === kind);
  const tasks: CareTask[] = [];
  for (const m of members) {
    const tier = tiers.find((t) => t.code === m.tier_code) ?? tiers[0]!;
    const member = { id: m.id, memberNo: m.member_no, name: m.name, tier: tier.name, tierEn: tier.nameEn };
    const make = (kind: CareTask['kind'], detail: string, detailEn: string | null = null): CareTask => ({
      member,
      kind,
      period: week.key,
      detail,
      detailEn,
      doneAt: doneOf(m.id, kind)?.done_at ?? null,
      doneBy: doneOf(m.id, kind)?.done_by ?? null,
    });
    if (m.birthday && monthDays.has(m.birthday.slice(5))) tasks.push(make('birthday', m.birthday.slice(5)));
    const standing = await qualifying(db, m.guest_id, today);
    const gap = nextTierGap(tiers, tier, standing.spendFen, standing.nights);
    if (gap?.close) tasks.push(make('near_tier', gap.next.name, tierOf(tiers, gap.next.code).nameEn));
  }
  return tasks;
}
