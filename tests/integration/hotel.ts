/** A small hotel on a test desk: two room types (one with a single room), a rate plan, an agent. */
import { addStaff, setUpDesk, signIn, type Desk } from './desk';

export interface Hotel {
  standard: string;
  suite: string;
  rooms: Record<string, string>;
  plan: string;
  guest: string;
}

export async function openHotel(desk: Desk): Promise<Hotel> {
  await setUpDesk(desk);
  const standard = await desk.call('roomTypes.save', { code: 'STD', name: '标准间', capacity: 2, baseRateFen: 40_000 });
  const suite = await desk.call('roomTypes.save', { code: 'STE', name: '套房', capacity: 2, baseRateFen: 120_000 });
  const rooms: Record<string, string> = {};
  for (const [number, type] of [
    ['301', standard.id],
    ['302', standard.id],
    ['501', suite.id],
  ] as const) {
    rooms[number] = (await desk.call('rooms.save', { number, floor: Number(number[0]), roomTypeId: type })).id;
  }
  const plan = await desk.call('ratePlans.save', {
    code: 'BAR',
    name: '门市价',
    channels: ['walk_in', 'phone'],
    prices: [
      {
        roomTypeId: standard.id,
        startDate: '2026-11-01',
        endDate: '2026-12-31',
        weekdays: 0b0110000,
        priceFen: 58_800,
      },
    ],
  });
  await addStaff(desk, 'lina', 'agent');
  await addStaff(desk, 'chen', 'supervisor');
  await signIn(desk, 'lina');
  const guest = await desk.call('guests.create', {
    name: '王芳',
    phone: '13812345678',
    idType: 'id_card',
    idNumber: '330102199001011234',
  });
  return { standard: standard.id, suite: suite.id, rooms, plan: plan.id, guest: guest.id };
}
