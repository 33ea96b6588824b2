import { afterAll, beforeAll, it } from 'vitest';
import { serverFor } from '../server/backends';
import type { TestServer } from '../server/harness';
import type { Desk } from '../integration/desk';
import { foundingDesk, joiningDesk, syncAll } from './desks';

let server: TestServer;
beforeAll(async () => { server = await serverFor('sqlite'); });
afterAll(async () => { await server?.close(); });
async function later(desk: Desk, minutes: number) { for (let i = 0; i < minutes; i++) { desk.clock.advanceMinutes(1); await desk.call('auth.keepAlive'); } }
async function dump(label: string, d: Desk) {
  const q = (sql: string) => d.services.sqlite.prepare(sql).all();
  console.log(label, JSON.stringify({ outbox: q('select seq,id,name from outbox'), conflicts: q('select kind,subject_type,subject_id,status,detail_json from sync_conflict'), rej: q('select * from sync_rejection'), bookings: q('select id,number,status from booking'), payments: q('select booking_id, amount_fen from payment') }, null, 1));
}
it('ids', async () => {
  const { desk: a, hotel } = await foundingDesk(server);
  const b = await joiningDesk(server, a);
  const STAY = { channel: 'phone' as const, arrival: '2026-12-10', departure: '2026-12-12', adults: 1 };
  const x = await a.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.standard });
  await syncAll(a, b);
  await later(a, 2);
  await a.call('bookings.change', { id: x.id, arrival: STAY.arrival, departure: '2026-12-13', roomTypeId: hotel.standard, ratePlanId: null, adults: 1, children: 0, specialRequests: 'A', authorisation: { method: 'message', reference: 'x' } });
  await a.services.sync.syncNow();
  await later(b, 3);
  await b.call('bookings.change', { id: x.id, arrival: STAY.arrival, departure: STAY.departure, roomTypeId: hotel.standard, ratePlanId: null, adults: 2, children: 0, specialRequests: 'B', authorisation: { method: 'message', reference: 'x' } });
  const y = await b.call('bookings.create', { ...STAY, guestId: hotel.guest, roomTypeId: hotel.suite });
  await b.call('payments.record', { bookingId: y.id, kind: 'payment', method: 'cash', amountFen: 1000 });
  console.log('Y', y.id, y.number);
  await syncAll(b, a);
  await dump('B', b);
  await dump('A', a);
  await a.close(); await b.close();
});
