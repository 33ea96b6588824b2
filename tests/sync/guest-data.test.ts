/**
 * Guests' personal data across desks and the server (issue 11, items 2 and 3): the server holds
 * phones and ID numbers sealed only, yet every desk of the property finds and opens them; values
 * that waited in clear on a desk are sealed and reach the others; an erasure reaches every desk and
 * the server, and an edit made meanwhile on another desk does not bring the guest back.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERASED_GUEST_NAME } from '@shared/rules/guest-fields';
import { BACKENDS } from '../server/backends';
import type { TestServer } from '../server/harness';
import { serverTable } from '../server/hostile-desk';
import { openDesk, signIn, type Desk } from '../integration/desk';
import type { Hotel } from '../integration/hotel';
import { closeTwoDesks, openTwoDesks, propertyId, syncAll } from './desks';

const PHONE = '13812345678';
const ID_NUMBER = '330102199001011234';

describe.each(BACKENDS)('guest data between desks on %s', (backend) => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;
  let hotel: Hotel;

  beforeAll(async () => {
    ({ server, a, b, hotel } = await openTwoDesks(backend));
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  /** Every guest row the server stores for the property, as JSON text. */
  async function serverGuests(): Promise<string> {
    return JSON.stringify([...(await serverTable(server, await propertyId(a), 'guest')).values()]);
  }

  it('keeps only sealed phones and ID numbers on the server, and every desk finds the guest by the whole number and opens it', async () => {
    const stored = await serverGuests();
    expect(stored).toContain('"phone_sealed"');
    expect(stored).not.toContain(PHONE);
    expect(stored).not.toContain(ID_NUMBER);
    expect((await b.call('search.quick', { q: ID_NUMBER })).guests.map((g) => g.id)).toEqual([hotel.guest]);
    expect((await b.call('guests.get', { id: hotel.guest })).phone).toBe(PHONE);
  });

  it('seals what waited in clear on a desk when it starts with the key, and the other desk gets the sealed values', async () => {
    // A guest both desks and the server hold, whose phone and ID number migration 15 set aside on desk A.
    const { id } = await a.call('guests.create', { name: '李雷', idType: 'passport' });
    await syncAll(a, b);
    await a.services.db
      .insertInto('guest_unsealed')
      .values({ guest_id: id, phone: '139 1234 0000', id_number: 'E99887766' })
      .execute();
    await a.close();
    a = await openDesk(a.dataDir);
    await signIn(a, 'lina');
    await syncAll(a, b);

    expect(await a.services.db.selectFrom('guest_unsealed').selectAll().execute()).toEqual([]);
    const onServer = (await serverTable(server, await propertyId(a), 'guest')).get(id);
    expect(onServer).toMatchObject({
      phone_sealed: expect.any(String),
      phone_last4: '0000',
      id_number_hmac: expect.any(String),
    });
    expect(JSON.stringify(onServer)).not.toContain('99887766');
    expect((await b.call('search.quick', { q: 'e99887766' })).guests.map((g) => g.id)).toEqual([id]);
    expect((await b.call('guests.get', { id })).phone).toBe('13912340000');
  });

  it('erases a guest on every desk and the server; an edit made meanwhile on the other desk is refused, not brought back', async () => {
    const booking = await a.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-11-26',
      departure: '2026-11-27',
      roomTypeId: hotel.standard,
      adults: 1,
      specialRequests: '王女士对花生过敏',
    });
    await a.call('members.enrol', { guestId: hotel.guest, cardNo: 'VIP-8888', birthday: '1990-01-01' });
    await syncAll(a, b);
    // Desk B edits the guest before it hears of the erasure.
    await b.call('guests.update', {
      id: hotel.guest,
      name: '王芳',
      phone: '13900000000',
      segment: 'business',
      preferences: '高楼层',
    });

    const request = await a.call('approvals.request', {
      operation: 'guests.delete',
      input: { id: hotel.guest },
      reason: '客人要求删除个人信息',
    });
    await a.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
    await syncAll(a, b);

    for (const desk of [a, b]) {
      const row = await desk.services.db
        .selectFrom('guest')
        .selectAll()
        .where('id', '=', hotel.guest)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        name: ERASED_GUEST_NAME,
        phone_sealed: null,
        phone_hmac: null,
        phone_last4: null,
        phone_masked: null,
        id_number_sealed: null,
        id_number_hmac: null,
        preferences: null,
        erased_at: expect.any(String),
      });
      expect((await desk.fail('guests.get', { id: hotel.guest })).code).toBe('GUEST_ERASED');
      expect((await desk.call('search.quick', { q: ID_NUMBER })).guests).toEqual([]);
      // The stay still counts.
      expect(
        await desk.services.db.selectFrom('booking').select('guest_id').where('guest_id', '=', hotel.guest).execute(),
      ).toHaveLength(1);
    }
    const onServer = (await serverTable(server, await propertyId(a), 'guest')).get(hotel.guest);
    expect(onServer).toMatchObject({
      name: ERASED_GUEST_NAME,
      phone_sealed: null,
      id_number_sealed: null,
      preferences: null,
      erased_at: expect.any(String),
    });
    // The member card, the birthday and the booking's special requests went with it, everywhere.
    const property = await propertyId(a);
    expect([...(await serverTable(server, property, 'member')).values()]).toEqual([
      expect.objectContaining({ guest_id: hotel.guest, card_no: null, birthday: null }),
    ]);
    expect((await serverTable(server, property, 'booking')).get(booking.id)).toMatchObject({
      guest_id: hotel.guest,
      special_requests: '',
      total_fen: booking.totalFen,
    });
    expect(
      await b.services.db
        .selectFrom('booking')
        .select('special_requests')
        .where('id', '=', booking.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ special_requests: '' });
    expect(await a.services.db.selectFrom('sync_rejection').selectAll().execute()).toEqual([]);
    const kept = await server.db.db
      .selectFrom('push_result')
      .select('restore_json')
      .where('restore_json', 'is not', null)
      .execute();
    expect(kept.map((r) => r.restore_json).join()).not.toContain('高楼层');
    expect((await b.call('sync.status')).pendingCount).toBe(0);
    // Nothing on either desk's database file names the guest's phone any more.
    for (const desk of [a, b])
      expect(fs.readFileSync(`${desk.dataDir}/yingbin.db`).includes(Buffer.from('13900000000'))).toBe(false);
  });
});
