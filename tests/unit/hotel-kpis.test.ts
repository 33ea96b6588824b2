import { describe, expect, it } from 'vitest';
import {
  averageDailyRate,
  bookingSuccessRate,
  flashPeriods,
  nightsBetween,
  occupancy,
  revPar,
  roomsAvailable,
  sameDateLastYear,
  type RoomOnBooks,
} from '@shared/rules/hotel-kpis';

describe('occupancy, ADR and RevPAR as USALI and STR define them', () => {
  // Worked by hand: 100 rooms available, 80 sold for ¥48,000 → occupancy 80 %, ADR ¥600, RevPAR ¥480.
  it.each([
    ['a busy night', 80, 100, 4_800_000, 0.8, 60_000, 48_000],
    ['a full house', 3, 3, 176_400, 1, 58_800, 58_800],
    ['one room of three sold at ¥588', 1, 3, 58_800, 1 / 3, 58_800, 19_600],
    ['a complimentary room: sold, no revenue', 1, 2, 0, 0.5, 0, 0],
    ['nothing sold', 0, 3, 0, 0, null, 0],
    ['nothing available (every room out of order)', 0, 0, 0, null, null, null],
    ['an overbooked night sells more than is available', 4, 3, 240_000, 4 / 3, 60_000, 80_000],
  ])('%s', (_, sold, available, revenue, occ, adr, revpar) => {
    expect(occupancy(sold, available)).toBe(occ);
    expect(averageDailyRate(revenue, sold)).toBe(adr);
    expect(revPar(revenue, available)).toBe(revpar);
  });

  it('RevPAR is occupancy times ADR', () => {
    const [sold, available, revenue] = [37, 52, 2_219_300];
    expect(revPar(revenue, available)).toBeCloseTo(occupancy(sold, available)! * averageDailyRate(revenue, sold)!, 9);
  });
});

describe('booking success rate: honoured ÷ (honoured + cancelled + no-shows) of the bookings due', () => {
  it.each([
    ['19 stays, 1 cancellation', { honoured: 19, cancelled: 1, noShows: 0 }, 0.95],
    ['just under the 95 % target', { honoured: 18, cancelled: 1, noShows: 1 }, 0.9],
    ['all honoured', { honoured: 4, cancelled: 0, noShows: 0 }, 1],
    ['a no-show only', { honoured: 0, cancelled: 0, noShows: 1 }, 0],
    ['nothing due yet', { honoured: 0, cancelled: 0, noShows: 0 }, null],
  ])('%s', (_, outcomes, rate) => {
    expect(bookingSuccessRate(outcomes)).toBe(rate);
  });
});

describe('rooms available: rooms on the books each night, out-of-order ones left out', () => {
  const room = (enteredOn: string, removedOn: string | null = null, outOfOrder = false): RoomOnBooks => ({
    enteredOn,
    removedOn,
    outOfOrder,
  });

  it.each([
    ['one room over a 30-night month', [room('2026-01-01')], '2026-11-01', '2026-11-30', 30],
    [
      'three rooms for one night',
      [room('2026-01-01'), room('2026-01-01'), room('2026-01-01')],
      '2026-12-01',
      '2026-12-01',
      3,
    ],
    [
      'an out-of-order room counts for no night',
      [room('2026-01-01'), room('2026-01-01', null, true)],
      '2026-12-01',
      '2026-12-05',
      5,
    ],
    ['a room entered on the 10th counts from that night', [room('2026-11-10')], '2026-11-01', '2026-11-30', 21],
    ['a room entered after the period counts for none', [room('2026-12-02')], '2026-11-01', '2026-11-30', 0],
    [
      'a room removed on the 11th counts up to the 10th',
      [room('2026-01-01', '2026-11-11')],
      '2026-11-01',
      '2026-11-30',
      10,
    ],
    [
      'a room removed before the period counts for none',
      [room('2026-01-01', '2026-10-01')],
      '2026-11-01',
      '2026-11-30',
      0,
    ],
    [
      'a room removed the day after the period counts for all of it',
      [room('2026-01-01', '2026-12-01')],
      '2026-11-01',
      '2026-11-30',
      30,
    ],
    ['year to date on 1 March of a leap year', [room('2020-01-01')], '2028-01-01', '2028-03-01', 61],
  ])('%s', (_, rooms, from, to, expected) => {
    expect(roomsAvailable(rooms, from, to)).toBe(expected);
  });

  it('counts whole days between dates whatever the zone', () => {
    expect(nightsBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(nightsBetween('2026-11-30', '2026-11-30')).toBe(0);
    expect(nightsBetween('2026-12-02', '2026-12-01')).toBe(-1);
  });
});

describe("the flash's periods", () => {
  it('day, month to date and year to date, each beside the same span a year earlier', () => {
    expect(flashPeriods('2026-11-30')).toEqual({
      day: { current: { from: '2026-11-30', to: '2026-11-30' }, lastYear: { from: '2025-11-30', to: '2025-11-30' } },
      monthToDate: {
        current: { from: '2026-11-01', to: '2026-11-30' },
        lastYear: { from: '2025-11-01', to: '2025-11-30' },
      },
      yearToDate: {
        current: { from: '2026-01-01', to: '2026-11-30' },
        lastYear: { from: '2025-01-01', to: '2025-11-30' },
      },
    });
  });

  it.each([
    ['2026-11-30', '2025-11-30'],
    ['2028-02-29', '2027-02-28'],
    ['2029-02-28', '2028-02-28'],
    ['2026-01-01', '2025-01-01'],
  ])('the same date last year of %s is %s', (date, expected) => {
    expect(sameDateLastYear(date)).toBe(expected);
  });
});
