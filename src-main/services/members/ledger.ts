/** The points ledger: reading a member's entries, appending one, and the loyalty policy and tiers it follows. */
import type { Kysely } from 'kysely';
import { newId } from '../made';
import type { MembersPolicy } from '@shared/contract';
import type { NamedTier } from '@shared/contract/members';
import type { LedgerEntry, LedgerKind } from '@shared/rules/points';
import { addMonths } from '@shared/time';
import type { Database, PointsEntryRow } from '../../db/schema';
import type { HandlerContext } from '../rpc/handler';
import { actingStaff } from '../session-holder';
import { readSetting } from '../settings/values';

export async function membersPolicy(db: Kysely<Database>): Promise<MembersPolicy> {
  const policy = await readSetting(db, 'members.policy');
  if (!policy) throw new Error('the property has no loyalty policy (every desk is made with one)');
  return policy;
}

export async function memberTiers(db: Kysely<Database>): Promise<NamedTier[]> {
  const rows = await db.selectFrom('member_tier').selectAll().orderBy('rank').execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    rank: r.rank,
    minSpendFen: r.min_spend_fen,
    minNights: r.min_nights,
    earnPercent: r.earn_percent,
    discountPercent: r.discount_percent,
  }));
}

/** A member's entries that count: a voided redemption (cancelled before the server posted it) counts nowhere. */
export async function entryRows(db: Kysely<Database>, memberId: string): Promise<PointsEntryRow[]> {
  return db
    .selectFrom('points_entry')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('status', '!=', 'void')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function toLedger(rows: readonly PointsEntryRow[]): LedgerEntry[] {
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    points: r.points,
    earnedOn: r.earned_on,
    expiresOn: r.expires_on,
  }));
}

export interface NewEntry {
  memberId: string;
  kind: LedgerKind;
  points: number;
  on: string;
  bookingId?: string | null;
  reversesId?: string | null;
  note?: string;
  /** Redemptions wait for the server; everything else posts at once. */
  pending?: boolean;
}

export async function appendEntry(ctx: HandlerContext, entry: NewEntry): Promise<string> {
  const { validityMonths } = await membersPolicy(ctx.db);
  const id = newId();
  const staff = actingStaff(ctx.session);
  await ctx.db
    .insertInto('points_entry')
    .values({
      id,
      member_id: entry.memberId,
      kind: entry.kind,
      points: entry.points,
      booking_id: entry.bookingId ?? null,
      reverses_id: entry.reversesId ?? null,
      earned_on: entry.on,
      // Points credited lapse after the policy's months; debits carry no expiry.
      expires_on: entry.points > 0 ? addMonths(entry.on, validityMonths) : null,
      note: entry.note ?? '',
      status: entry.pending ? 'pending' : 'posted',
      desk_id: ctx.device.id,
      staff_id: staff.id,
      staff_name: staff.name,
      created_at: ctx.now.toISOString(),
      server_version: null,
    })
    .execute();
  return id;
}
