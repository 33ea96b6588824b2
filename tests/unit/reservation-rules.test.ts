import { describe, expect, it } from 'vitest';
import { available, firstSoldOutNight } from '@shared/rules/availability';
import { balanceFen, canDo, canSetRoomStatus, holdsInventory } from '@shared/rules/booking-status';
import { formatNumber, parseNumber } from '@shared/rules/numbers';
import { nightPrice, priceBreakdown, type RatePrice } from '@shared/rules/pricing';
import { ALL_WEEKDAYS, stayNights, weekday } from '@shared/rules/stay';

describe('stay nights', () => {
  it.each([
    ['2026-11-26', '2026-11-27', ['2026-11-26']],
    ['2026-11-30', '2026-12-02', ['2026-11-30', '2026-12-01']],
    ['2026-12-31', '2027-01-01', ['2026-12-31']],
    ['2028-02-28', '2028-03-01', ['2028-02-28', '2028-02-29']],
    ['2026-11-26', '2026-11-26', []],
    ['2026-11-27', '2026-11-26', []],
  ])('%s → %s holds %j', (arrival, departure, nights) => {
    expect(stayNights(arrival, departure)).toEqual(nights);
  });

  it('knows the weekday of a local date', () => {
    expect(weekday('2026-11-26')).toBe(4);
    expect(weekday('2026-11-29')).toBe(7);
  });
});

describe('nightly prices', () => {
  const FRI_SAT = (1 << 4) | (1 << 5);
  const prices: RatePrice[] = [
    { startDate: '2026-11-01', endDate: '2026-12-31', weekdays: ALL_WEEKDAYS, priceFen: 48_800, order: 1 },
    { startDate: '2026-11-01', endDate: '2026-12-31', weekdays: FRI_SAT, priceFen: 58_800, order: 2 },
    { startDate: '2026-12-24', endDate: '2026-12-25', weekdays: ALL_WEEKDAYS, priceFen: 88_800, order: 3 },
  ];

  it.each([
    ['2026-10-31', 45_800, 'before any range: the base rate'],
    ['2026-11-01', 48_800, 'first day of the range (a Sunday)'],
    ['2026-11-26', 48_800, 'a Thursday'],
    ['2026-11-27', 58_800, 'a Friday'],
    ['2026-11-28', 58_800, 'a Saturday'],
    ['2026-12-24', 88_800, 'Christmas Eve, the latest price wins'],
    ['2026-12-26', 58_800, 'the day after the holiday range, a Saturday'],
    ['2026-12-31', 48_800, 'last day of the range (a Thursday)'],
    ['2027-01-01', 45_800, 'after the range'],
  ])('%s costs %i fen (%s)', (night, fen) => {
    expect(nightPrice(prices, 45_800, night)).toBe(fen);
  });

  it('adds up a stay night by night', () => {
    expect(priceBreakdown(prices, 45_800, '2026-11-26', '2026-11-29')).toEqual({
      nights: [
        { night: '2026-11-26', priceFen: 48_800 },
        { night: '2026-11-27', priceFen: 58_800 },
        { night: '2026-11-28', priceFen: 58_800 },
      ],
      totalFen: 166_400,
    });
  });
});

describe('availability', () => {
  it.each([
    [{ night: 'n', rooms: 10, sold: 9 }, 1],
    [{ night: 'n', rooms: 10, sold: 10 }, 0],
    [{ night: 'n', rooms: 10, sold: 12 }, 0],
    [{ night: 'n', rooms: 0, sold: 0 }, 0],
  ])('%j leaves %i', (inventory, left) => {
    expect(available(inventory)).toBe(left);
  });

  it('names the first night without a room', () => {
    expect(
      firstSoldOutNight([
        { night: 'a', rooms: 2, sold: 1 },
        { night: 'b', rooms: 2, sold: 2 },
        { night: 'c', rooms: 2, sold: 2 },
      ]),
    ).toBe('b');
    expect(firstSoldOutNight([{ night: 'a', rooms: 2, sold: 1 }])).toBeNull();
  });
});

describe('booking numbers', () => {
  it.each([
    ['B', '2026-11-26', '5ZMM', 7, 'B261126-5ZMM-007'],
    ['T', '2027-01-01', 'AB23', 1234, 'T270101-AB23-1234'],
  ] as const)('%s %s %s #%i is %s and reads back', (prefix, date, desk, seq, number) => {
    expect(formatNumber(prefix, date, desk, seq)).toBe(number);
    expect(parseNumber(number)).toEqual({ prefix, businessDate: date, deskCode: desk, sequence: seq });
  });

  it('does not read what is not a number', () => {
    expect(parseNumber('王芳')).toBeNull();
    expect(parseNumber('B2611-5ZMM-007')).toBeNull();
  });
});

describe('status transitions', () => {
  it.each([
    ['confirmed', 'checkIn', true],
    ['confirmed', 'checkOut', false],
    ['checked_in', 'checkOut', true],
    ['checked_in', 'checkIn', false],
    ['checked_in', 'cancel', false],
    ['checked_out', 'checkIn', false],
    ['cancelled', 'pay', false],
    ['no_show', 'pay', true],
  ] as const)('a %s booking may %s: %s', (status, action, allowed) => {
    expect(canDo(status, action)).toBe(allowed);
  });

  it('holds inventory only while confirmed or in house', () => {
    expect(
      ['confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show'].filter((s) => holdsInventory(s as never)),
    ).toEqual(['confirmed', 'checked_in']);
  });

  it.each([
    ['vacant_dirty', 'vacant_clean', true],
    ['vacant_clean', 'out_of_order', true],
    ['occupied', 'vacant_clean', false],
    ['vacant_clean', 'occupied', false],
    ['out_of_order', 'vacant_clean', true],
    ['vacant_clean', 'inspected', true],
    ['vacant_dirty', 'inspected', false],
    ['inspected', 'vacant_dirty', true],
    ['occupied', 'inspected', false],
    ['inspected', 'occupied', false],
  ] as const)('housekeeping may set a %s room %s: %s', (from, to, allowed) => {
    expect(canSetRoomStatus(from, to)).toBe(allowed);
  });

  it('derives the balance from payments and refunds', () => {
    expect(balanceFen(100_000, [{ amountFen: 30_000 }, { amountFen: 80_000 }, { amountFen: -10_000 }])).toBe(0);
  });
});
