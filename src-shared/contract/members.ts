/** Members and points: enrolment, card lookup, the derived balance, redemption at booking, adjustments, tiers, care tasks. */
import { z } from 'zod';
import type { LedgerKind, MemberTier } from '../rules/points';
import { mutation, query } from './define';
import { id, localDate } from './fields';

/** A tier's names: the Chinese name, and the English one the desk shows in English (null: the Chinese name). */
export interface TierName {
  name: string;
  nameEn: string | null;
}

/** A tier as configured, with its English name. */
export interface NamedTier extends MemberTier, TierName {}

export interface Member {
  id: string;
  memberNo: string;
  cardNo: string | null;
  guest: { id: string; name: string; customerNo: string };
  tier: { code: string; name: string; nameEn: string | null; earnPercent: number; discountPercent: number };
  status: 'active' | 'suspended';
  joinedOn: string;
  birthday: string | null;
  /** Derived from the ledger; pending redemptions already taken off. */
  balance: number;
  /** Redemptions this desk made that the server has not confirmed yet. */
  pendingRedeemed: number;
  /** Points that lapse within 90 days unless spent, and by when the first of them does. */
  expiringSoon: { points: number; by: string | null };
  qualifying: { spendFen: number; nights: number; since: string };
  nextTier: { name: string; nameEn: string | null; spendGapFen: number; nightsGap: number } | null;
}

export interface PointsEntry {
  id: string;
  kind: LedgerKind;
  points: number;
  bookingNumber: string | null;
  earnedOn: string;
  expiresOn: string | null;
  note: string;
  /** void: a redemption cancelled before the server posted it; it counts nowhere. */
  status: 'posted' | 'pending' | 'void';
  staffName: string;
  at: string;
}

export interface PointsCheck {
  member: Member;
  /** What may be redeemed for a stay arriving then: the balance less points lapsing before it. */
  redeemable: number;
  pointValueFen: number;
}

export interface MembersPolicy {
  pointValueFen: number;
  validityMonths: number;
  nonEarningChannels: string[];
  offlineRedeemCapPoints: number;
  qualifyingPeriod: 'rolling' | 'calendar';
}

export interface CareTask {
  member: { id: string; memberNo: string; name: string; tier: string; tierEn: string | null };
  kind: 'birthday' | 'near_tier';
  period: string;
  detail: string;
  /** near_tier: the next tier's English name (detail is its Chinese name); otherwise null. */
  detailEn: string | null;
  doneAt: string | null;
  doneBy: string | null;
}

const memberNo = z.string().trim().toUpperCase().min(2).max(30);

export const memberOperations = {
  'members.enrol': mutation<Member>()({
    name: 'members.enrol',
    input: z.object({
      guestId: id,
      cardNo: memberNo.nullable().default(null),
      birthday: localDate.nullable().default(null),
    }),
    access: 'guests.manage',
  }),
  'members.get': query<Member>()({ name: 'members.get', input: z.object({ id }), access: 'guests.view' }),
  /** The member a guest is, if any (null), for the points check at booking. */
  'members.forGuest': query<Member | null>()({
    name: 'members.forGuest',
    input: z.object({ guestId: id }),
    access: 'guests.view',
  }),
  'members.lookup': query<Member>()({
    name: 'members.lookup',
    input: z.object({ number: memberNo }),
    access: 'guests.view',
  }),
  'members.pointsCheck': query<PointsCheck>()({
    name: 'members.pointsCheck',
    input: z.object({ memberId: id, arrival: localDate }),
    access: 'guests.view',
  }),
  'members.ledger': query<PointsEntry[]>()({
    name: 'members.ledger',
    input: z.object({ memberId: id }),
    access: 'guests.view',
  }),
  'members.redeem': mutation<PointsEntry>()({
    name: 'members.redeem',
    input: z.object({ memberId: id, bookingId: id, points: z.number().int().min(1).max(10_000_000) }),
    access: 'bookings.manage',
  }),
  /** A manual correction; held for approval with dual review by the default policy. */
  'members.adjust': mutation<PointsEntry>()({
    name: 'members.adjust',
    input: z.object({
      memberId: id,
      points: z
        .number()
        .int()
        .min(-10_000_000)
        .max(10_000_000)
        .refine((n) => n !== 0),
      note: z.string().trim().min(2).max(200),
    }),
    access: 'bookings.manage',
  }),
  'members.tiers': query<NamedTier[]>()({ name: 'members.tiers', input: z.object({}), access: 'guests.view' }),
  'members.policy': query<MembersPolicy>()({ name: 'members.policy', input: z.object({}), access: 'guests.view' }),
  /** The yearly re-evaluation: every member's tier from the qualifying period, which may lower it. */
  'members.reevaluate': mutation<{ changed: { memberNo: string; from: string; to: string }[] }>()({
    name: 'members.reevaluate',
    input: z.object({}),
    access: 'nightAudit.run',
  }),
  'members.care': query<CareTask[]>()({ name: 'members.care', input: z.object({}), access: 'guests.view' }),
  'members.tickCare': mutation<CareTask>()({
    name: 'members.tickCare',
    input: z.object({ memberId: id, kind: z.enum(['birthday', 'near_tier']), period: z.string().min(4).max(20) }),
    access: 'guests.manage',
  }),
};
