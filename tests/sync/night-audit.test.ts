/**
 * The business date is the property's: two desks that both run the night audit of the same date
 * while offline make exactly one close. The server decides — the first to reach it stands, the other
 * is refused with BUSINESS_DATE_CLOSED, undone at its desk and replaced by the winner's result —
 * and the next night's audit, from either desk, closes the next date. Real desks, a real server,
 * on SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRow } from '../../src-server/sync/rows';
import { BACKENDS } from '../server/backends';
import type { TestServer } from '../server/harness';
import { signIn, type Desk } from '../integration/desk';
import type { Hotel } from '../integration/hotel';
import { closeTwoDesks, openTwoDesks, propertyId, syncAll, tableRows } from './desks';

/** Moves each desk's clock to 00:05 on the given November day in Shanghai (UTC+8), where its supervisor signs in. */
async function justAfterMidnight(day: number, ...desks: Desk[]): Promise<void> {
  const target = Date.UTC(2026, 10, day, 0 - 8, 5);
  for (const desk of desks) {
    desk.clock.advanceMinutes((target - desk.clock.now().getTime()) / 60_000);
    await signIn(desk, 'chen');
  }
}

describe.each(BACKENDS)('the night audit on two desks on %s', (backend) => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;
  let hotel: Hotel;

  beforeAll(async () => {
    ({ server, a, b, hotel } = await openTwoDesks(backend));
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  async function serverBusinessDate(): Promise<unknown> {
    const row = await readRow(server.db.db, await propertyId(a), 'setting', 'businessDate');
    return row && JSON.parse(String(row.value_json));
  }

  it('shows every desk the property’s business date, set at setup', async () => {
    for (const desk of [a, b])
      expect(await desk.call('businessDay.status')).toMatchObject({
        businessDate: '2026-11-26',
        calendarDate: '2026-11-26',
      });
    expect(await serverBusinessDate()).toBe('2026-11-26');
  });

  it('closes a date once when both desks audit it offline: the first to sync stands, the other hears why and takes its result', async () => {
    const sale = { guestId: hotel.guest, channel: 'phone' as const, roomTypeId: hotel.standard, adults: 1 };
    const dueToday = await a.call('bookings.create', { ...sale, arrival: '2026-11-26', departure: '2026-11-27' });
    const dueTomorrow = await b.call('bookings.create', { ...sale, arrival: '2026-11-27', departure: '2026-11-28' });
    await syncAll(a, b);

    // Offline, after midnight, each desk's supervisor runs the audit of 26 November.
    await justAfterMidnight(27, a, b);
    const first = await a.call('nightAudit.roll', { closingDate: '2026-11-26' });
    const second = await b.call('nightAudit.roll', { closingDate: '2026-11-26' });
    for (const result of [first, second])
      expect(result).toEqual({
        closedDate: '2026-11-26',
        businessDate: '2026-11-27',
        noShows: [dueToday.number],
        earlyClose: false,
      });

    await syncAll(a, b);

    expect(await serverBusinessDate()).toBe('2026-11-27');
    const status = await b.call('sync.status');
    expect(status.pendingCount).toBe(0);
    expect(status.rejections).toEqual([
      expect.objectContaining({ name: 'nightAudit.roll', reason: 'BUSINESS_DATE_CLOSED' }),
    ]);
    expect(status.rejections[0]!.detail).toContain('2026-11-26 already closed');
    expect((await a.call('sync.status')).rejections).toEqual([]);

    for (const desk of [a, b]) {
      expect(await desk.call('businessDay.status')).toMatchObject({
        businessDate: '2026-11-27',
        calendarDate: '2026-11-27',
        lagDays: 0,
      });
      // One close: one no-show record, made by the desk whose audit stood; tomorrow's guest untouched.
      const cancellations = await tableRows(desk.services.db, 'cancellation');
      expect(cancellations).toEqual([
        expect.objectContaining({
          booking_id: dueToday.id,
          reason: 'no_show',
          number: `X261126-${a.services.device.code}-001`,
        }),
      ]);
      expect(await desk.call('bookings.get', { id: dueToday.id })).toMatchObject({ status: 'no_show' });
      const tomorrow = await desk.call('bookings.get', { id: dueTomorrow.id });
      expect(tomorrow.status).toBe('confirmed');
      expect(tomorrow.changes.map((c) => c.kind)).toEqual(['created']);
      expect(
        (await desk.call('bookings.get', { id: dueToday.id })).changes.filter((c) => c.kind === 'no_show'),
      ).toHaveLength(1);
    }
    for (const table of ['booking', 'booking_night', 'cancellation'] as const)
      expect(await tableRows(b.services.db, table)).toEqual(await tableRows(a.services.db, table));

    // B's screen still showing 26 November is refused, never the open date closed in its place.
    expect(await b.fail('nightAudit.roll', { closingDate: '2026-11-26' })).toEqual({
      code: 'NIGHT_AUDIT_DATE_CLOSED',
      params: { date: '2026-11-26', open: '2026-11-27' },
    });
  });

  it('lets either desk close the next date the next night, and the other follows', async () => {
    await justAfterMidnight(28, a, b);
    const result = await b.call('nightAudit.roll', { closingDate: '2026-11-27' });
    expect(result).toMatchObject({
      closedDate: '2026-11-27',
      businessDate: '2026-11-28',
      noShows: [expect.stringMatching(/^B261126-/)],
    });
    await syncAll(b, a);
    expect(await serverBusinessDate()).toBe('2026-11-28');
    for (const desk of [a, b]) expect((await desk.call('businessDay.status')).businessDate).toBe('2026-11-28');
    expect(await tableRows(a.services.db, 'cancellation')).toEqual(await tableRows(b.services.db, 'cancellation'));
    expect(await tableRows(a.services.db, 'cancellation')).toHaveLength(2);
    expect((await a.call('sync.status')).rejections).toEqual([]);
  });
});
