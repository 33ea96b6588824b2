import { describe, expect, it } from 'vitest';
import {
  cancellationCharge,
  noShowCharge,
  penaltyAmount,
  type CancellationPolicy,
  type CancellableStay,
} from '@shared/rules/cancellation';

// The PC runs in another zone than the property; nothing may depend on it.
process.env.TZ = 'Pacific/Auckland';

const at = (iso: string) => new Date(iso);
const second = (iso: string, delta: number) => new Date(Date.parse(iso) + delta * 1000);

describe('a hotel in Shanghai: 2 hours of grace, the first night after 18:00 the day before, everything from 2 hours before check-in', () => {
  const policy: CancellationPolicy = {
    graceHours: 2,
    tiers: [
      { from: { kind: 'local_time', daysBefore: 1, time: '18:00' }, penalty: { kind: 'first_night' } },
      { from: { kind: 'hours_before', hours: 2 }, penalty: { kind: 'percent', percent: 100 } },
    ],
    noShow: { kind: 'first_night' },
    nonRefundable: false,
  };
  // Booked at 10:00 on 20 Nov (Shanghai) for 26–28 Nov, check-in 14:00; paid ¥600 up front.
  const stay: CancellableStay = {
    createdAt: '2026-11-20T02:00:00.000Z',
    arrival: '2026-11-26',
    startTime: '14:00',
    nightPricesFen: [50_000, 60_000],
  };
  const paid = 60_000;

  it.each([
    ['in the grace period, one second before it ends', second('2026-11-20T04:00:00Z', -1), 0, 'grace', 60_000],
    ['when the grace period ends', at('2026-11-20T04:00:00Z'), 0, 'before_deadline', 60_000],
    [
      'one second before 18:00 the day before arrival',
      second('2026-11-25T10:00:00Z', -1),
      0,
      'before_deadline',
      60_000,
    ],
    ['at 18:00 the day before arrival', at('2026-11-25T10:00:00Z'), 50_000, 'tier', 10_000],
    ['one second before 12:00 on the arrival day', second('2026-11-26T04:00:00Z', -1), 50_000, 'tier', 10_000],
    ['at 12:00 on the arrival day (2 hours before check-in)', at('2026-11-26T04:00:00Z'), 110_000, 'tier', 0],
  ] as const)('cancelling %s costs %i fen (%s), refunding %i', (_when, when, penalty, rule, refund) => {
    expect(cancellationCharge(policy, stay, paid, when, 'Asia/Shanghai')).toMatchObject({
      penaltyFen: penalty,
      rule,
      refundFen: refund,
      freeUntil: '2026-11-25T10:00:00.000Z',
    });
  });

  it('keeps the grace period for a booking made after the free deadline', () => {
    const late = { ...stay, createdAt: '2026-11-25T11:00:00.000Z' };
    expect(cancellationCharge(policy, late, 0, second('2026-11-25T13:00:00Z', -1), 'Asia/Shanghai')).toMatchObject({
      penaltyFen: 0,
      rule: 'grace',
      freeUntil: '2026-11-25T13:00:00.000Z',
    });
    expect(cancellationCharge(policy, late, 0, at('2026-11-25T13:00:00Z'), 'Asia/Shanghai')).toMatchObject({
      penaltyFen: 50_000,
      rule: 'tier',
      tier: 0,
    });
  });

  it('charges the first night for a no-show', () => {
    expect(noShowCharge(policy, stay, paid)).toEqual({
      penaltyFen: 50_000,
      refundFen: 10_000,
      rule: 'no_show',
      tier: null,
      freeUntil: null,
    });
  });
});

describe('a hotel in New York across the end of daylight saving time (1 Nov 2026)', () => {
  const policy: CancellationPolicy = {
    graceHours: null,
    tiers: [
      { from: { kind: 'hours_before', hours: 48 }, penalty: { kind: 'percent', percent: 50 } },
      { from: { kind: 'local_time', daysBefore: 1, time: '18:00' }, penalty: { kind: 'nights', nights: 2 } },
    ],
    noShow: { kind: 'nights', nights: 1 },
    nonRefundable: false,
  };
  // Arrival 2 Nov, check-in 15:00 EST (20:00 UTC).
  const stay: CancellableStay = {
    createdAt: '2026-10-01T12:00:00.000Z',
    arrival: '2026-11-02',
    startTime: '15:00',
    nightPricesFen: [30_000, 30_000, 30_000],
  };

  it.each([
    // 48 real hours before 20:00Z on 2 Nov is 20:00Z on 31 Oct — 16:00 EDT, not 15:00.
    ['one second before 48 hours before check-in', second('2026-10-31T20:00:00Z', -1), 0, 'before_deadline'],
    ['48 hours before check-in', at('2026-10-31T20:00:00Z'), 45_000, 'tier'],
    // 18:00 EST on 1 Nov, the day the clocks went back, is 23:00Z.
    ['one second before 18:00 the day before', second('2026-11-01T23:00:00Z', -1), 45_000, 'tier'],
    ['at 18:00 the day before', at('2026-11-01T23:00:00Z'), 60_000, 'tier'],
  ] as const)('%s: %i fen (%s)', (_when, when, penalty, rule) => {
    expect(cancellationCharge(policy, stay, 0, when, 'America/New_York')).toMatchObject({
      penaltyFen: penalty,
      rule,
      freeUntil: '2026-10-31T20:00:00.000Z',
    });
  });
});

describe('a hotel in London across the start of summer time (28 Mar 2027)', () => {
  const policy: CancellationPolicy = {
    graceHours: null,
    tiers: [{ from: { kind: 'local_time', daysBefore: 1, time: '18:00' }, penalty: { kind: 'first_night' } }],
    noShow: { kind: 'none' },
    nonRefundable: false,
  };
  const stay: CancellableStay = {
    createdAt: '2027-03-01T09:00:00.000Z',
    arrival: '2027-03-29',
    startTime: '14:00',
    nightPricesFen: [20_000],
  };

  it('puts 18:00 on the day the clocks went forward at 17:00 UTC', () => {
    expect(cancellationCharge(policy, stay, 0, second('2027-03-28T17:00:00Z', -1), 'Europe/London').penaltyFen).toBe(0);
    expect(cancellationCharge(policy, stay, 0, at('2027-03-28T17:00:00Z'), 'Europe/London').penaltyFen).toBe(20_000);
  });
});

describe('a timed-entry ticket: free until 10 minutes before the slot', () => {
  const policy: CancellationPolicy = {
    graceHours: null,
    tiers: [{ from: { kind: 'minutes_before', minutes: 10 }, penalty: { kind: 'percent', percent: 100 } }],
    noShow: { kind: 'percent', percent: 100 },
    nonRefundable: false,
  };
  const ticket: CancellableStay = {
    createdAt: '2026-11-26T01:00:00.000Z',
    arrival: '2026-11-26',
    startTime: '16:00',
    nightPricesFen: [11_000],
  };

  it.each([
    [second('2026-11-26T07:50:00Z', -1), 0],
    [at('2026-11-26T07:50:00Z'), 11_000],
  ])('at %s the penalty is %i fen', (when, penalty) => {
    expect(cancellationCharge(policy, ticket, 11_000, when, 'Asia/Shanghai').penaltyFen).toBe(penalty);
  });
});

describe('a non-refundable plan', () => {
  const policy: CancellationPolicy = { graceHours: 1, tiers: [], noShow: { kind: 'none' }, nonRefundable: true };
  const stay: CancellableStay = {
    createdAt: '2026-11-26T02:00:00.000Z',
    arrival: '2026-12-20',
    startTime: '14:00',
    nightPricesFen: [40_000, 40_000],
  };

  it('is free only in its grace period, then charges the whole stay', () => {
    expect(cancellationCharge(policy, stay, 80_000, second('2026-11-26T03:00:00Z', -1), 'Asia/Shanghai')).toMatchObject(
      { penaltyFen: 0, rule: 'grace', refundFen: 80_000, freeUntil: '2026-11-26T03:00:00.000Z' },
    );
    expect(cancellationCharge(policy, stay, 80_000, at('2026-11-26T03:00:00Z'), 'Asia/Shanghai')).toMatchObject({
      penaltyFen: 80_000,
      rule: 'non_refundable',
      refundFen: 0,
    });
    expect(noShowCharge(policy, stay, 0).penaltyFen).toBe(80_000);
  });
});

describe('a plan without penalty tiers', () => {
  it('is free until the arrival day ends in the property zone', () => {
    const stay: CancellableStay = {
      createdAt: '2026-11-20T02:00:00.000Z',
      arrival: '2026-11-26',
      startTime: '14:00',
      nightPricesFen: [40_000],
    };
    expect(
      cancellationCharge(
        { graceHours: null, tiers: [], noShow: { kind: 'none' }, nonRefundable: false },
        stay,
        0,
        at('2026-11-26T15:59:59Z'),
        'Asia/Shanghai',
      ),
    ).toMatchObject({
      penaltyFen: 0,
      rule: 'before_deadline',
      freeUntil: '2026-11-26T16:00:00.000Z',
    });
  });
});

describe('penalty amounts', () => {
  const nights = [50_000, 60_000];
  it.each([
    [{ kind: 'percent', percent: 50 }, 55_000],
    [{ kind: 'percent', percent: 33 }, 36_300],
    [{ kind: 'first_night' }, 50_000],
    [{ kind: 'nights', nights: 2 }, 110_000],
    [{ kind: 'nights', nights: 5 }, 110_000],
    [{ kind: 'fixed', amountFen: 10_000 }, 10_000],
    [{ kind: 'fixed', amountFen: 200_000 }, 110_000],
    [{ kind: 'none' }, 0],
  ] as const)('%j of ¥500 + ¥600 is %i fen (never above the stay)', (penalty, fen) => {
    expect(penaltyAmount(penalty, nights)).toBe(fen);
  });
});
