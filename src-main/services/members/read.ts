/** Members read back with their derived balance, what lapses soon, and where they stand towards the next tier. */
import { sql, type Kysely } from 'kysely';
import type { Member, PointsEntry } from '@shared/contract';
import type { NamedTier } from '@shared/contract/members';
import { AppError } from '@shared/errors';
import { balance, expiringBy, nextTierGap, remainingLots } from '@shared/rules/points';
import { addDays } from '@shared/rules/stay';
import { addMonths } from '@shared/time';
import type { Database, MemberRow } from '../../db/schema';
import { businessDate } from '../business-date';
import { entryRows, memberTiers, membersPolicy, toLedger } from './ledger';

export async function memberRow(db: Kysely<Database>, id: string): Promise<MemberRow> {
  const row = await db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Room spend (less what points paid) and nights of stays checked out since the period began. */
export async function qualifying(
  db: Kysely<Database>,
  guestId: string,
  today: string,
): Promise<{ spendFen: number; nights: number; since: string }> {
  const { qualifyingPeriod } = await membersPolicy(db);
  const since = qualifyingPeriod === 'calendar' ? `${today.slice(0, 4)}-01-01` : addMonths(today, -12);
  const { spend, points, nights } = await db
    .selectFrom('booking')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('booking.total_fen'), eb.lit(0)).as('spend'),
      eb.fn.coalesce(eb.fn.sum<number>(sql<number>`json_array_length(booking.nights_json)`), eb.lit(0)).as('nights'),
      eb.fn
        .coalesce(
          eb
            .selectFrom('payment')
            .select((p) => p.fn.sum<number>('payment.amount_fen').as('paid'))
            .where('payment.method', '=', 'points')
            .where('payment.booking_id', 'in', (sub) =>
              sub
                .selectFrom('booking as b')
                .select('b.id')
                .where('b.guest_id', '=', guestId)
                .where('b.status', '=', 'checked_out')
                .where('b.departure', '>', since),
            ),
          eb.lit(0),
        )
        .as('points'),
    ])
    .where('guest_id', '=', guestId)
    .where('status', '=', 'checked_out')
    .where('departure', '>', since)
    .executeTakeFirstOrThrow();
  return { spendFen: Number(spend) - Number(points), nights: Number(nights), since };
}

export function tierOf(tiers: readonly NamedTier[], code: string): NamedTier {
  return tiers.find((t) => t.code === code) ?? tiers[0]!;
}

export async function toMember(db: Kysely<Database>, row: MemberRow, now: Date): Promise<Member> {
  const today = await businessDate(db, now);
  const guest = await db
    .selectFrom('guest')
    .select(['id', 'name', 'customer_no'])
    .where('id', '=', row.guest_id)
    .executeTakeFirstOrThrow();
  const tiers = await memberTiers(db);
  const tier = tierOf(tiers, row.tier_code);
  const rows = await entryRows(db, row.id);
  const ledger = toLedger(rows);
  const soon = addDays(today, 90);
  const firstLapse = remainingLots(ledger).find((lot) => lot.expiresOn !== null && lot.expiresOn <= soon);
  const standing = await qualifying(db, row.guest_id, today);
  const gap = nextTierGap(tiers, tier, standing.spendFen, standing.nights);
  return {
    id: row.id,
    memberNo: row.member_no,
    cardNo: row.card_no,
    guest: { id: guest.id, name: guest.name, customerNo: guest.customer_no },
    tier: {
      code: tier.code,
      name: tier.name,
      nameEn: tier.nameEn,
      earnPercent: tier.earnPercent,
      discountPercent: tier.discountPercent,
    },
    status: row.status,
    joinedOn: row.joined_on,
    birthday: row.birthday,
    balance: balance(ledger),
    pendingRedeemed: -rows.filter((r) => r.status === 'pending' && r.points < 0).reduce((sum, r) => sum + r.points, 0),
    expiringSoon: { points: expiringBy(ledger, soon), by: firstLapse?.expiresOn ?? null },
    qualifying: standing,
    nextTier: gap && {
      name: gap.next.name,
      nameEn: tierOf(tiers, gap.next.code).nameEn,
      spendGapFen: gap.spendGapFen,
      nightsGap: gap.nightsGap,
    },
  };
}

export async function loadMember(db: Kysely<Database>, id: string, now: Date): Promise<Member> {
  return toMember(db, await memberRow(db, id), now);
}

export async function ledgerOf(db: Kysely<Database>, memberId: string): Promise<PointsEntry[]> {
  const rows = await db
    .selectFrom('points_entry')
    .leftJoin('booking', 'booking.id', 'points_entry.booking_id')
    .selectAll('points_entry')
    .select('booking.number as booking_number')
    .where('points_entry.member_id', '=', memberId)
    .orderBy('points_entry.created_at', 'desc')
    .orderBy('points_entry.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    points: r.points,
    bookingNumber: r.booking_number,
    earnedOn: r.earned_on,
    expiresOn: r.expires_on,
    note: r.note,
    status: r.status,
    staffName: r.staff_name,
    at: r.created_at,
  }));
}
