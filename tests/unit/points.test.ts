import { describe, expect, it } from 'vitest';
import {
  balance,
  expiringBy,
  nextTierGap,
  pointsEarned,
  qualifyingTier,
  redeemableFor,
  remainingLots,
  type LedgerEntry,
  type MemberTier,
} from '@shared/rules/points';

const TIERS: MemberTier[] = [
  { code: 'standard', name: '普通', rank: 0, minSpendFen: 0, minNights: 0, earnPercent: 100, discountPercent: 0 },
  { code: 'silver', name: '银卡', rank: 1, minSpendFen: 500_000, minNights: 10, earnPercent: 120, discountPercent: 5 },
  { code: 'gold', name: '金卡', rank: 2, minSpendFen: 2_000_000, minNights: 30, earnPercent: 150, discountPercent: 10 },
  {
    code: 'platinum',
    name: '铂金',
    rank: 3,
    minSpendFen: 5_000_000,
    minNights: 60,
    earnPercent: 200,
    discountPercent: 15,
  },
];

describe('earning', () => {
  it.each([
    [45_800, 100, 'phone', 458],
    [45_899, 100, 'phone', 458],
    [45_800, 150, 'walk_in', 687],
    [99, 200, 'phone', 0],
    [45_800, 100, 'ota', 0],
    [0, 100, 'phone', 0],
  ])('%i fen of room spend at %i%% via %s earns %i points', (spend, percent, channel, points) => {
    expect(pointsEarned(spend, percent, channel, ['ota'])).toBe(points);
  });
});

describe('tiers by spend or nights, either qualifies', () => {
  it.each([
    [0, 0, 'standard'],
    [499_999, 9, 'standard'],
    [500_000, 0, 'silver'],
    [0, 10, 'silver'],
    [1_999_999, 29, 'silver'],
    [2_000_000, 0, 'gold'],
    [100, 30, 'gold'],
    [5_000_000, 0, 'platinum'],
    [0, 60, 'platinum'],
  ])('¥%i fen and %i nights → %s', (spend, nights, tier) => {
    expect(qualifyingTier(TIERS, spend, nights).code).toBe(tier);
  });

  it('calls a member close to the next tier within a fifth of a threshold', () => {
    expect(nextTierGap(TIERS, TIERS[1]!, 1_600_000, 0)).toMatchObject({
      next: { code: 'gold' },
      spendGapFen: 400_000,
      close: true,
    });
    expect(nextTierGap(TIERS, TIERS[1]!, 1_599_999, 23)).toMatchObject({ close: false, nightsGap: 7 });
    expect(nextTierGap(TIERS, TIERS[3]!, 0, 0)).toBeNull();
  });
});

describe('the ledger', () => {
  const entries: LedgerEntry[] = [
    { id: 'a', kind: 'earn', points: 500, earnedOn: '2024-12-01', expiresOn: '2026-11-30' },
    { id: 'b', kind: 'earn', points: 300, earnedOn: '2025-06-01', expiresOn: '2027-05-31' },
    { id: 'c', kind: 'redeem', points: -200, earnedOn: '2025-07-01', expiresOn: null },
  ];

  it('derives the balance from the entries', () => {
    expect(balance(entries)).toBe(600);
  });

  it('spends the oldest points first', () => {
    expect(remainingLots(entries)).toEqual([
      { id: 'a', points: 300, earnedOn: '2024-12-01', expiresOn: '2026-11-30' },
      { id: 'b', points: 300, earnedOn: '2025-06-01', expiresOn: '2027-05-31' },
    ]);
  });

  it.each([
    ['2026-11-29', 0],
    ['2026-11-30', 300],
    ['2027-05-31', 600],
  ])('by %s, %i points lapse unless spent', (date, points) => {
    expect(expiringBy(entries, date)).toBe(points);
  });

  it('offers for a stay only what will not lapse before it', () => {
    expect(redeemableFor(entries, '2026-11-29')).toBe(600);
    expect(redeemableFor(entries, '2026-12-05')).toBe(300);
  });

  it('keeps the balance right through expiry and reversal', () => {
    const later: LedgerEntry[] = [
      ...entries,
      { id: 'd', kind: 'expire', points: -300, earnedOn: '2026-11-30', expiresOn: null },
      { id: 'e', kind: 'reverse', points: 200, earnedOn: '2026-12-01', expiresOn: '2028-11-30' },
    ];
    expect(balance(later)).toBe(500);
    expect(expiringBy(later, '2026-12-31')).toBe(0);
    expect(remainingLots(later).map((l) => [l.id, l.points])).toEqual([
      ['b', 300],
      ['e', 200],
    ]);
  });
});
