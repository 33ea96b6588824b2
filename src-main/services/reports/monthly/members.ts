/** The operations report's members section: members' share of the room-nights sold, members joined, points earned and redeemed. */
import type { ReportSection } from '@shared/contract/reports';
import { type Month, type ReportContext } from './document';
import { count, figure, number, rate, section } from '../values';
import { ratio } from '@shared/rules/statistics';
import type { NightRow } from './nights';

export async function membersSection(ctx: ReportContext, month: Month, nights: NightRow[]): Promise<ReportSection> {
  const points = await ctx.db
    .selectFrom('points_entry')
    .select((eb) => ['kind', eb.fn.sum<number>('points').as('points')])
    .where('status', '=', 'posted')
    .where('created_at', '>=', month.start)
    .where('created_at', '<', month.end)
    .groupBy('kind')
    .execute();
  const pointsOf = (kind: string) => Number(points.find((row) => row.kind === kind)?.points ?? 0);
  const joined = await ctx.db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('joined_on', '>=', month.first)
    .where('joined_on', '<=', month.last)
    .executeTakeFirstOrThrow();
  const allNights = nights.reduce((sum, row) => sum + row.sold, 0);
  const memberNights = nights.filter((row) => row.member).reduce((sum, row) => sum + row.sold, 0);
  return section('monthlyMembers', {
    figures: [
      figure('memberRoomNights', count(memberNights)),
      figure('memberShare', rate(ratio(memberNights, allNights))),
      figure('membersJoined', count(Number(joined.n))),
      figure('pointsEarned', count(pointsOf('earn'))),
      // Redemptions are stored as negative entries.
      figure('pointsRedeemed', count(0 - pointsOf('redeem'))),
      figure('pointsExpired', count(0 - pointsOf('expire'))),
      figure('pointsAdjusted', number(pointsOf('adjust') + pointsOf('reverse'), 0)),
    ],
  });
}
