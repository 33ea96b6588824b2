/**
 * Undoing the desk's own pending work with the server's rows: a redemption the server refused is
 * taken back from the append-only ledger — only there, never by anything else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inServerTransaction, RowWriter } from '../../src-main/sync/apply';
import { openDesk, signIn, type Desk } from './desk';
import { openHotel } from './hotel';

describe('undoing a refused change at the desk', () => {
  let desk: Desk;
  afterEach(() => desk?.close());

  it('takes back a pending redemption the server refused, while the ledger still refuses deletion otherwise', async () => {
    desk = await openDesk();
    const hotel = await openHotel(desk);
    await signIn(desk, 'admin');
    const member = await desk.call('members.enrol', { guestId: hotel.guest });
    const entry = {
      id: 'entry-refused',
      member_id: member.id,
      kind: 'adjust',
      points: 5,
      booking_id: null,
      reverses_id: null,
      earned_on: '2026-11-26',
      expires_on: null,
      note: '',
      status: 'pending',
      desk_id: desk.services.device.id,
      staff_id: 'system',
      staff_name: 'system',
      created_at: new Date().toISOString(),
      server_version: null,
    } as const;
    await desk.services.db.insertInto('points_entry').values(entry).execute();

    // Outside an undo the ledger is append-only.
    expect(() => desk.services.sqlite.prepare("DELETE FROM points_entry WHERE id = 'entry-refused'").run()).toThrow(
      /append-only/,
    );
    // The server's answer to a refused change: it has no such row.
    const writer = new RowWriter(desk.services.sqlite, desk.services.device.id);
    inServerTransaction(desk.services.sqlite, () =>
      writer.write({ table: 'points_entry', key: 'entry-refused', row: null }),
    );
    expect(
      await desk.services.db
        .selectFrom('points_entry')
        .select('id')
        .where('id', '=', 'entry-refused')
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(desk.services.sqlite.prepare('SELECT active FROM sync_undo').get()).toEqual({ active: 0 });
  });
});
