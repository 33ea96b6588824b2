/**
 * Loyalty rules: points earned on room spend, tiers reached by spend or nights, and the ledger's
 * arithmetic. The balance is always derived from the ledger (never stored); points are spent and
 * expire oldest first.
 */
export interface MemberTier {
  code: string;
  name: string;
  rank: number;
  /** Qualifying room spend in the period, in fen. */
  minSpendFen: number;
  /** Qualifying nights in the period. */
  minNights: number;
  /** Earn multiplier in percent (150 = 1.5 points per yuan). */
  earnPercent: number;
  /** Discount on member-only rates, in percent. */
  discountPercent: number;
}

export type LedgerKind = 'earn' | 'redeem' | 'expire' | 'reverse' | 'adjust';

export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  /** Signed: earn and positive adjustments add, redemptions and expiries take away. */
  points: number;
  /** Local date the points were credited (positive entries). */
  earnedOn: string;
  /** Local date after which a positive entry's unspent points lapse; null for no expiry. */
  expiresOn: string | null;
}

/** 1 point per yuan of room spend, times the tier's multiplier; channels that do not earn earn nothing. */
export function pointsEarned(
  roomSpendFen: number,
  earnPercent: number,
  channel: string,
  nonEarningChannels: readonly string[],
): number {
  if (nonEarningChannels.includes(channel) || roomSpendFen <= 0) return 0;
  return Math.floor((Math.floor(roomSpendFen / 100) * earnPercent) / 100);
}

/** Points a stay earns at check-out: its room spend less what was paid with points, at the member's tier multiplier. */
export function checkOutPoints(
  stay: { totalFen: number; paidWithPointsFen: number; channel: string },
  earnPercent: number,
  nonEarningChannels: readonly string[],
): number {
  return pointsEarned(stay.totalFen - stay.paidWithPointsFen, earnPercent, stay.channel, nonEarningChannels);
}

/** What a redemption pays onto a booking, in fen. */
export function redemptionValueFen(points: number, pointValueFen: number): number {
  return points * pointValueFen;
}

/** The highest tier whose spend or nights threshold is met (either qualifies). */
export function qualifyingTier(tiers: readonly MemberTier[], spendFen: number, nights: number): MemberTier {
  const sorted = [...tiers].sort((a, b) => a.rank - b.rank);
  let best = sorted[0]!;
  for (const tier of sorted) if (spendFen >= tier.minSpendFen || nights >= tier.minNights) best = tier;
  return best;
}

/** How far from the next tier; `close` when either gap is within a fifth of its threshold. */
export function nextTierGap(tiers: readonly MemberTier[], current: MemberTier, spendFen: number, nights: number) {
  const next = [...tiers].sort((a, b) => a.rank - b.rank).find((t) => t.rank > current.rank);
  if (!next) return null;
  const spendGapFen = Math.max(0, next.minSpendFen - spendFen);
  const nightsGap = Math.max(0, next.minNights - nights);
  return {
    next,
    spendGapFen,
    nightsGap,
    close: spendGapFen <= next.minSpendFen / 5 || nightsGap <= next.minNights / 5,
  };
}

export function balance(entries: readonly LedgerEntry[]): number {
  return entries.reduce((sum, e) => sum + e.points, 0);
}

/**
 * What is left of each positive lot after the negative entries have consumed the oldest lots first
 * (a reversal gives its points back as a new lot).
 */
export function remainingLots(
  entries: readonly LedgerEntry[],
): { id: string; points: number; earnedOn: string; expiresOn: string | null }[] {
  const lots = entries
    .filter((e) => e.points > 0)
    .map((e) => ({ id: e.id, points: e.points, earnedOn: e.earnedOn, expiresOn: e.expiresOn }))
    .sort(
      (a, b) => (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999') || a.earnedOn.localeCompare(b.earnedOn),
    );
  let debt = -entries.filter((e) => e.points < 0).reduce((sum, e) => sum + e.points, 0);
  for (const lot of lots) {
    const used = Math.min(lot.points, debt);
    lot.points -= used;
    debt -= used;
  }
  return lots.filter((lot) => lot.points > 0);
}

/** Points that lapse on or before `date` unless spent first. */
export function expiringBy(entries: readonly LedgerEntry[], date: string): number {
  return remainingLots(entries)
    .filter((lot) => lot.expiresOn !== null && lot.expiresOn <= date)
    .reduce((sum, lot) => sum + lot.points, 0);
}

/** What may be redeemed for a stay arriving on `arrival`: the balance less what lapses before it. */
export function redeemableFor(entries: readonly LedgerEntry[], arrival: string): number {
  return Math.max(0, balance(entries) - expiringBy(entries, arrival));
}
