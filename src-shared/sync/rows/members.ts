/** Row schemas of loyalty: member tiers (data), members, the append-only points ledger and care tasks. */
import { z } from 'zod';
import { date, deskNumber, fen, id, instant, integer, name, serverVersion, text, TEXT } from './columns';
import { CARE_TASK_KINDS, LEDGER_KINDS, MEMBER_STATUSES, POINTS_STATUSES } from './unions';

const tierCode = z
  .string()
  .max(32)
  .regex(/^[a-z0-9_-]+$/, { error: 'not a tier code' });

export const memberTierRow = z.strictObject({
  code: tierCode,
  name,
  name_en: name.nullable(),
  rank: integer(0, 100),
  min_spend_fen: fen,
  min_nights: integer(0, 100_000),
  /** 150 = 1.5 points per yuan. */
  earn_percent: integer(0, 10_000),
  discount_percent: integer(0, 100),
});

export const memberRow = z.strictObject({
  id,
  guest_id: id,
  member_no: deskNumber,
  card_no: text(30, 1).nullable(),
  tier_code: tierCode,
  joined_on: date,
  birthday: date.nullable(),
  status: z.enum(MEMBER_STATUSES),
  created_at: instant,
  updated_at: instant,
  server_version: serverVersion,
});

/** The largest number of points one entry moves. */
const MAX_POINTS = 1e12;

/**
 * Points are signed: earning adds, redeeming and lapsing take away, a reversal gives back what
 * it reverses, an adjustment goes either way; no entry moves zero points.
 */
export const pointsEntryRow = z
  .strictObject({
    id,
    member_id: id,
    kind: z.enum(LEDGER_KINDS),
    points: integer(-MAX_POINTS, MAX_POINTS),
    booking_id: id.nullable(),
    reverses_id: id.nullable(),
    earned_on: date,
    expires_on: date.nullable(),
    note: text(TEXT.note),
    status: z.enum(POINTS_STATUSES),
    desk_id: id,
    staff_id: id,
    staff_name: name,
    created_at: instant,
    server_version: serverVersion,
  })
  .refine(
    (row) => {
      if (row.kind === 'earn') return row.points > 0;
      if (row.kind === 'redeem' || row.kind === 'expire') return row.points < 0;
      return row.points !== 0;
    },
    { path: ['points'], error: 'points of the wrong sign for the entry kind' },
  );

export const careTaskRow = z.strictObject({
  member_id: id,
  kind: z.enum(CARE_TASK_KINDS),
  /** The ISO week, e.g. 2026-W48. */
  period: text(20, 4),
  done_at: instant,
  done_by: name,
});
