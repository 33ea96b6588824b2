/**
 * The busy demo hotel (`npm run seed:demo`): the lean hotel of seed.ts set up BUSY_HISTORY_DAYS ago,
 * then run day by day to today through the real operations — bookings made ahead, guests checked in
 * and out (paid), rooms cleaned, a no-show, a night audit every night — so that today it is about
 * 70% sold for the next 30 nights, has guests in house, departures and arrivals (some done, some
 * due; a third of tomorrow's with their rooms kept), dirty rooms, members in every tier with
 * points, complaints, call-backs, approvals waiting, a cancelled booking, yesterday's daily report
 * submitted and two contracts in the archive.
 *
 * The caller's clock must be movable (`travel`): each day's work happens at that day's hour, and
 * the last of it just before the instant the clock showed when seeding began ("now").
 */
import { addDays } from '@shared/rules/stay';
import { calendarDate, dayStartsAt } from '@shared/rules/business-day';
import type { Booking } from '@shared/contract';
import type { Services } from '../desk-services';
import { queueStrayWrites } from '../../sync/exchange';
import { businessDate } from '../business-date';
import { DEMO_CONTACT, DEMO_PROPERTY, DEMO_ROOM_TYPES, DEMO_STAFF } from './demo-hotel';
import { must, seedHotel, type DemoOptions } from './seed';

/** The hotel opened this many days before today (long enough for members' stays to reach their tiers). */
export const BUSY_HISTORY_DAYS = 12;
/** Floor attendants (housekeeping), on the service desk's role: rooms are assigned to them. */
export const BUSY_ATTENDANTS = [
  { username: 'hk1', displayName: '孙丽（客房）', role: 'service_rep', password: 'demo-housekeeping-1' },
  { username: 'hk2', displayName: '吴敏（客房）', role: 'service_rep', password: 'demo-housekeeping-2' },
] as const;
/** The nights ahead the busy demo fills, from tonight. */
export const BUSY_HORIZON = 30;
/** Stays planned from this many days before today: tonight's in-house guests arrived on those days. */
const PLANNED_FROM = -3;

type TypeCode = (typeof DEMO_ROOM_TYPES)[number]['code'];

interface PlannedStay {
  type: TypeCode;
  /** Day offsets from today. */
  arrival: number;
  departure: number;
  guest: number;
  /** Day offset the booking was made. */
  bookedOn: number;
  channel: 'phone' | 'online' | 'ota' | 'travel_agency' | 'walk_in';
  adults: number;
  booking?: Booking;
}

/** A small deterministic generator (mulberry32), so every seeding plans the same hotel. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The share of a type's rooms sold on the night `day` days from today (a weekday or weekend night). */
function targetShare(day: number, weekend: boolean): number {
  const base = day < 0 ? 0.6 : day === 0 ? 0.8 : day < 7 ? 0.78 - day * 0.012 : 0.645;
  return Math.min(0.95, base + (weekend ? 0.14 : 0));
}

const CHANNELS: PlannedStay['channel'][] = ['phone', 'online', 'ota', 'ota', 'travel_agency', 'online', 'phone'];

/** Members' stays: corporate bookers whose rooms earned them their tier (guest index, type, rooms, days). */
const MEMBER_STAYS: { guest: number; type: TypeCode; rooms: number; arrival: number; departure: number }[] = [
  { guest: 0, type: 'ES', rooms: 5, arrival: -12, departure: -4 },
  { guest: 1, type: 'DK', rooms: 3, arrival: -12, departure: -2 },
  { guest: 2, type: 'SK', rooms: 1, arrival: -12, departure: -2 },
  { guest: 3, type: 'ST', rooms: 2, arrival: -12, departure: -6 },
];
const MEMBERS = 8;

/** The stays of the busy hotel: members' first, then each night filled towards its target. */
function planStays(today: string, guests: number): PlannedStay[] {
  const next = random(20_261_130);
  const stays: PlannedStay[] = [];
  const sold = new Map<string, number>();
  const key = (type: string, day: number) => `${type}:${day}`;
  const take = (stay: PlannedStay) => {
    for (let day = stay.arrival; day < stay.departure; day++)
      sold.set(key(stay.type, day), (sold.get(key(stay.type, day)) ?? 0) + 1);
    stays.push(stay);
  };
  for (const m of MEMBER_STAYS)
    for (let i = 0; i < m.rooms; i++)
      take({ ...m, bookedOn: -BUSY_HISTORY_DAYS, channel: 'phone', adults: 1, guest: m.guest });
  let guest = MEMBERS;
  const nextGuest = () => {
    const chosen = guest;
    guest = guest + 1 >= guests ? MEMBERS : guest + 1;
    return chosen;
  };
  const goal = (type: (typeof DEMO_ROOM_TYPES)[number], day: number) => {
    const weekday = new Date(`${addDays(today, day)}T00:00:00Z`).getUTCDay();
    const rooms = type.roomsPerFloor * 8;
    return Math.round(rooms * targetShare(day, weekday === 5 || weekday === 6));
  };
  for (let day = PLANNED_FROM; day < BUSY_HORIZON; day++) {
    for (const type of DEMO_ROOM_TYPES) {
      while ((sold.get(key(type.code, day)) ?? 0) < goal(type, day)) {
        const roll = next();
        const wanted = roll < 0.15 ? 1 : roll < 0.45 ? 2 : roll < 0.7 ? 3 : roll < 0.85 ? 4 : roll < 0.93 ? 5 : 7;
        let departure = day + 1;
        while (
          departure < day + wanted &&
          departure < BUSY_HORIZON &&
          (sold.get(key(type.code, departure)) ?? 0) < goal(type, departure)
        )
          departure++;
        // Most stays are booked a few days ahead, some two weeks or more.
        const lead = 1 + Math.floor(next() ** 2 * 16);
        // Walk-ins book on the day; nothing is booked before the hotel opened, nor after today.
        const walkIn = day >= 0 && next() < 0.06;
        const bookedOn = walkIn ? Math.min(day, 0) : Math.min(0, Math.max(-BUSY_HISTORY_DAYS + 1, day - lead));
        take({
          type: type.code,
          arrival: day,
          departure,
          guest: nextGuest(),
          bookedOn: walkIn && day > 0 ? 0 : bookedOn,
          channel: walkIn && day === 0 ? 'walk_in' : CHANNELS[Math.floor(next() * CHANNELS.length)]!,
          adults: type.capacity > 2 ? 3 : 1 + Math.floor(next() * 2),
        });
      }
    }
  }
  return stays;
}

const PAY_METHODS = ['wechat', 'alipay', 'card', 'cash'] as const;
const CALL_SCORES = [5, 4, 5, 3, 4];
const CALL_WORDS = ['房间干净，前台热情', '早餐品种可以再多些', '湖景很好，下次还来', '隔音一般', '入住办理很快'];

/** Seeds the busy demo hotel; see the module comment. */
export async function seedBusyDemo(services: Services, options: DemoOptions & { travel: (to: Date) => void }) {
  if (options.guests < 50) throw new Error('the busy demo needs at least 50 guests');
  // A fresh folder nobody uses yet: a crash mid-seed leaves nothing worth keeping, so the thousands
  // of small commits skip their fsync (synchronous=FULL again, and a checkpoint, at the end).
  services.sqlite.pragma('synchronous = OFF');
  try {
    return await seedBusy(services, options);
  } finally {
    services.sqlite.pragma('synchronous = FULL');
    services.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
}

async function seedBusy(services: Services, options: DemoOptions & { travel: (to: Date) => void }) {
  const { timeZone } = DEMO_PROPERTY;
  const now = services.clock.now();
  const today = calendarDate(now, timeZone);
  const dayStart = (day: number) => Date.parse(dayStartsAt(addDays(today, day), timeZone));
  // Today's work ends a little before "now" (and never before 00:30), one minute a step.
  const todayFrom = Math.max(dayStart(0) + 30 * 60_000, now.getTime() - 20 * 60_000);
  let todayStep = 0;
  const at = (day: number, hours: number) => {
    if (day < 0) return options.travel(new Date(dayStart(day) + hours * 3_600_000));
    options.travel(new Date(todayFrom + todayStep++ * 60_000));
  };
  const staff = Object.fromEntries(DEMO_STAFF.map((s) => [s.username, s]));
  // Signing in costs a password hash: the one signed in stays so while their desk would not lock
  // (the seed runs with a 4-hour idle lock, the property's own restored at the end).
  const signIn = async (username: string) => {
    const session = services.sessions.current;
    const idle = services.clock.now().getTime() - (session?.lastActivityAt.getTime() ?? 0);
    if (session?.username === username && !session.locked && idle < 200 * 60_000) return;
    await must(services, 'auth.signIn', { username, password: staff[username]!.password });
  };
  const call = <T>(name: string, input: unknown) => must(services, name, input) as Promise<T>;

  // Day -12, 08:00: the hotel opens.
  at(-BUSY_HISTORY_DAYS, 8);
  const { rooms, plan } = await seedHotel(services, { ...options, englishNames: true });
  // The rooms and guests written in bulk go to the outbox now, as the desk's next sync job would
  // queue them, rather than be set aside and put back around each of the thousand mutations below.
  await queueStrayWrites(services);
  const property = await services.db
    .selectFrom('property')
    .select(['idle_lock_minutes', 'max_stay_nights'])
    .executeTakeFirstOrThrow();
  const settings = { ...DEMO_PROPERTY, maxStayNights: property.max_stay_nights, ...DEMO_CONTACT };
  const attendants: string[] = [];
  for (const attendant of BUSY_ATTENDANTS) attendants.push((await call<{ id: string }>('staff.create', attendant)).id);
  await call('property.update', { ...settings, idleLockMinutes: 240 });
  const types = Object.fromEntries(
    (await services.db.selectFrom('room_type').select(['id', 'code']).execute()).map((t) => [t.code, t.id]),
  );
  const guestIds = (
    await services.db.selectFrom('guest').select('id').orderBy('customer_no').limit(options.guests).execute()
  ).map((g) => g.id);

  const stays = planStays(today, options.guests);
  // The agent on duty: 李娜 on even days, 王芳 on odd ones.
  const agentOf = (day: number) => (day % 2 === 0 ? 'agent' : 'agent2');

  at(-BUSY_HISTORY_DAYS, 8.5);
  await signIn('agent');
  const members: string[] = [];
  for (let i = 0; i < MEMBERS; i++)
    members.push(
      (
        await call<{ id: string }>('members.enrol', {
          guestId: guestIds[i],
          cardNo: `VIP-${String(8801 + i)}`,
          birthday: `19${80 + i}-0${1 + (i % 9)}-1${i}`,
        })
      ).id,
    );

  const book = async (stay: PlannedStay) => {
    stay.booking = await call<Booking>('bookings.create', {
      guestId: guestIds[stay.guest],
      channel: stay.channel,
      arrival: addDays(today, stay.arrival),
      departure: addDays(today, stay.departure),
      roomTypeId: types[stay.type],
      ratePlanId: plan,
      adults: stay.adults,
      guarantee: stay.channel === 'ota' || stay.channel === 'travel_agency' ? 'card' : 'none',
    });
  };
  const checkOut = async (stay: PlannedStay, n: number) => {
    const booking = stay.booking!;
    const balance = booking.totalFen - booking.paidFen;
    if (balance > 0)
      await call('payments.record', {
        bookingId: booking.id,
        kind: 'payment',
        method: PAY_METHODS[n % PAY_METHODS.length],
        amountFen: balance,
      });
    await call('frontDesk.checkOut', { bookingId: booking.id });
    return booking.room!.id;
  };
  // Rooms given out across the floors (the desk suggests the lowest first; agents spread the house).
  let given = 0;
  const checkIn = async (stay: PlannedStay) => {
    const free = await call<{ id: string }[]>('frontDesk.suggestRooms', { bookingId: stay.booking!.id });
    const room = free[(given++ * 7) % free.length]!;
    stay.booking = await call<Booking>('frontDesk.checkIn', { bookingId: stay.booking!.id, roomId: room.id });
  };

  let noShow: PlannedStay | undefined;
  for (let day = -BUSY_HISTORY_DAYS; day <= 0; day++) {
    const isToday = day === 0;
    // 09:00: bookings made today.
    at(day, 9);
    await signIn(agentOf(day));
    for (const stay of stays.filter((s) => s.bookedOn === day && !(isToday && s.channel === 'walk_in')))
      await book(stay);
    // 11:00: departures (today, the first half of them so far), paid and checked out.
    at(day, 11);
    await signIn(agentOf(day));
    const leaving = stays.filter((s) => s.departure === day && s.booking?.status === 'checked_in');
    const vacated: string[] = [];
    for (const [n, stay] of leaving.entries()) {
      if (isToday && n % 2 === 1) continue;
      vacated.push(await checkOut(stay, n));
    }
    // 13:00: housekeeping makes up the rooms (today, only a few so far).
    at(day, 13);
    await signIn(agentOf(day));
    for (const [n, roomId] of vacated.entries()) {
      if (isToday && n % 4 !== 0) continue;
      await call('housekeeping.setStatus', { roomId, status: 'vacant_clean' });
      if (n % 3 === 0) await call('housekeeping.setStatus', { roomId, status: 'inspected' });
    }
    // 14:00: arrivals checked in (today, the early ones and the walk-ins); one guest never comes two days ago.
    at(day, 14);
    await signIn(agentOf(day));
    if (isToday) for (const stay of stays.filter((s) => s.channel === 'walk_in' && s.bookedOn === 0)) await book(stay);
    const arriving = stays.filter((s) => s.arrival === day && s.booking?.status === 'confirmed');
    for (const [n, stay] of arriving.entries()) {
      if (day === -2 && !noShow && stay.channel === 'phone') {
        noShow = stay;
        continue;
      }
      if (isToday && !(n % 4 === 0 || stay.channel === 'walk_in')) continue;
      await checkIn(stay);
    }
    // 排房: a third of tomorrow's arrivals already have a room kept for them.
    const tomorrow = stays.filter((s) => s.arrival === day + 1 && s.booking?.status === 'confirmed');
    if (isToday)
      for (const [n, stay] of tomorrow.entries()) {
        if (n % 3 !== 0) continue;
        const rooms = await call<{ id: string }[]>('frontDesk.assignableRooms', { bookingId: stay.booking!.id });
        if (rooms.length > 0)
          stay.booking = await call<Booking>('frontDesk.assignRoom', {
            bookingId: stay.booking!.id,
            roomId: rooms[(n * 5) % rooms.length]!.id,
          });
      }
    if (isToday) {
      // Today's rooms to service (departures' and stayovers') go to the two floor attendants.
      const board = await call<{ id: string; floor: number; status: string }[]>('housekeeping.board', {});
      for (const room of board.filter((r) => r.status === 'vacant_dirty' || r.status === 'occupied'))
        await call('housekeeping.assign', {
          roomId: room.id,
          attendantId: room.floor <= 6 ? attendants[0] : attendants[1],
        });
    }
    // 15:00 (today: so far): the service desk makes the call-backs due by now (guests' first
    // stays, the day after they left); today it has got through half of them.
    at(day, 15);
    await signIn('service');
    const due = (await call<{ id: string; dueAt: string }[]>('callbacks.list', { view: 'open' })).filter(
      (c) => Date.parse(c.dueAt) <= (isToday ? dayStart(1) : services.clock.now().getTime()),
    );
    for (const [n, callback] of due.entries()) {
      if (isToday && n % 2 === 1) continue;
      await call(
        'callbacks.record',
        n % 5 === 4
          ? { id: callback.id, outcome: 'not_reached', words: '无人接听' }
          : {
              id: callback.id,
              outcome: 'reached',
              score: CALL_SCORES[n % CALL_SCORES.length],
              words: CALL_WORDS[n % CALL_WORDS.length],
            },
      );
    }
    if (day === -2) await complaintClosedWithCallBack(services, stays, guestIds, (d, h) => at(d, h), signIn);
    if (day === -1) {
      at(-1, 16);
      await signIn('service');
      const inHouse = stays.find((s) => s.booking?.status === 'checked_in' && s.departure > 0 && s.type === 'ST')!;
      const complaint = await call<{ id: string }>('complaints.open', {
        channel: 'in_person',
        category: 'cleanliness',
        severity: 'general',
        guestId: inHouse.booking!.guest.id,
        bookingId: inHouse.booking!.id,
        description: '卫生间地漏有异味，毛巾有污渍',
        expectation: '尽快处理并更换毛巾',
      });
      await call('complaints.respond', { id: complaint.id, note: '已致歉，客房部已安排处理' });
    }
    if (day === -1) {
      // A major complaint about 20 hours ago: its 24-hour answer is due soon when seeding ends
      // (opened yesterday afternoon at the earliest, when seeding runs in the morning).
      options.travel(new Date(Math.max(dayStart(-1) + 16.5 * 3_600_000, todayFrom - 20 * 3_600_000)));
      await signIn('agent2');
      const major = stays.find((s) => s.booking?.status === 'checked_in' && s.type === 'DK' && s.departure > 0)!;
      await call('complaints.open', {
        channel: 'phone',
        category: 'billing',
        severity: 'major',
        guestId: major.booking!.guest.id,
        bookingId: major.booking!.id,
        description: '客人称押金重复扣款两次，要求立即退回',
        expectation: '退回重复扣款',
      });
    }
    if (day < 0) {
      // 02:00 next day: the night audit closes the day.
      at(day + 1, 2);
      await signIn('supervisor');
      await call('nightAudit.roll', { closingDate: addDays(today, day) });
      // The closed date's daily report, submitted by the supervisor who closed it.
      await call('reports.submit', { kind: 'daily', period: addDays(today, day) });
    }
  }
  // Stays updated since they were booked: read them back for what follows.
  const reload = async (stay: PlannedStay) =>
    (stay.booking = await call<Booking>('bookings.get', { id: stay.booking!.id }));

  // Today: the supervisor re-evaluates tiers and submits yesterday's daily report.
  at(0, 0);
  await signIn('supervisor');
  await call('members.reevaluate', {});

  // Today's agent: a complaint just in (due soon), a cancelled booking with a waiver asked for,
  // a price override and a goodwill points adjustment waiting for a supervisor, a free cancellation.
  at(0, 0);
  await signIn('agent');
  const arrivalsDue = stays.filter((s) => s.arrival === 0 && s.booking?.status === 'confirmed');
  const lateCancel = arrivalsDue.find((s) => s.channel === 'phone') ?? arrivalsDue[0]!;
  const cancellation = await call<{ id: string; penaltyFen: number }>('bookings.cancel', {
    id: lateCancel.booking!.id,
    reason: 'illness',
    note: '客人来电：孩子发烧，今天无法入住',
    refundMethod: 'cash',
  });
  if (cancellation.penaltyFen > 0)
    await call('approvals.request', {
      operation: 'cancellations.waive',
      input: { cancellationId: cancellation.id, penaltyFen: 0, reason: '客人生病，提供了就诊证明' },
      reason: '客人生病，首晚违约金申请全免',
    });
  const later = stays.filter((s) => s.arrival > 7 && s.booking?.status === 'confirmed');
  await call('bookings.cancel', {
    id: later[0]!.booking!.id,
    reason: 'change_of_plans',
    note: '行程取消',
    refundMethod: 'cash',
  });
  const overridden = await reload(later.find((s) => s.type === 'DK' && s.arrival > 10) ?? later[1]!);
  await call('approvals.request', {
    operation: 'bookings.overridePrice',
    input: {
      id: overridden.id,
      nightlyFen: overridden.nights[0]!.priceFen - 10_000,
      authorisation: { method: 'message', reference: '微信确认' },
    },
    reason: '协议单位价格，每晚优惠100元',
  });
  await call('approvals.request', {
    operation: 'members.adjust',
    input: { memberId: members[5], points: 2_000, note: '投诉补偿积分' },
    reason: '上次入住空调故障，补偿积分',
  });
  const inHouse = stays.filter((s) => s.booking?.status === 'checked_in');
  await call('complaints.open', {
    channel: 'ota_message',
    category: 'noise',
    severity: 'general',
    guestId: inHouse[3]!.booking!.guest.id,
    bookingId: inHouse[3]!.booking!.id,
    description: '隔壁房间深夜喧哗，影响休息',
    expectation: '',
  });

  // The director files this year's two service contracts.
  at(0, 0);
  await signIn('director');
  for (const contract of DEMO_CONTRACTS) await fileContract(services, contract);
  await signIn('admin');
  await call('property.update', { ...settings, idleLockMinutes: property.idle_lock_minutes });
  await must(services, 'auth.signOut', {});

  return {
    staff: [...DEMO_STAFF, ...BUSY_ATTENDANTS],
    roomTypes: DEMO_ROOM_TYPES.length,
    rooms,
    guests: options.guests,
    bookings: stays.length,
    members: MEMBERS,
  };
}

/** Two days ago: a noise complaint opened, answered, resolved and closed, and its call-back made. */
async function complaintClosedWithCallBack(
  services: Services,
  stays: PlannedStay[],
  guestIds: string[],
  at: (day: number, hours: number) => void,
  signIn: (username: string) => Promise<unknown>,
) {
  const call = <T>(name: string, input: unknown) => must(services, name, input) as Promise<T>;
  const stay = stays.find((s) => s.booking?.status === 'checked_in' && s.arrival === -3)!;
  at(-2, 19);
  await signIn('service');
  const complaint = await call<{ id: string }>('complaints.open', {
    channel: 'phone',
    category: 'noise',
    severity: 'general',
    guestId: stay.booking!.guest.id ?? guestIds[stay.guest],
    bookingId: stay.booking!.id,
    description: '楼上房间装修施工噪音，下午无法休息',
    expectation: '换一间安静的房间',
  });
  await call('complaints.respond', { id: complaint.id, note: '已致歉，工程部确认施工至18:00结束' });
  await call('complaints.resolve', { id: complaint.id, note: '客人接受送水果与延迟退房至14:00' });
  await call('complaints.close', { id: complaint.id, note: '客人满意' });
  at(-2, 20);
  await signIn('service');
  const callbacks = await call<{ id: string; complaintId: string | null }[]>('callbacks.list', { view: 'open' });
  const callback = callbacks.find((c) => c.complaintId === complaint.id);
  if (callback)
    await call('callbacks.record', {
      id: callback.id,
      outcome: 'reached',
      score: 5,
      words: '处理很及时，水果很好',
    });
}

const DEMO_CONTRACTS = [
  {
    no: 'HT2026-031',
    subject: '客房布草洗涤',
    counterparty: '杭州洁安洗涤有限公司',
    amountFen: 12_000_000,
  },
  {
    no: 'HT2026-047',
    subject: '电梯维护保养',
    counterparty: '浙江恒达电梯工程有限公司',
    amountFen: 3_600_000,
  },
];

/** Uploads a small PDF a chunk at a time, as the renderer does, and files it as a contract. */
async function fileContract(services: Services, contract: (typeof DEMO_CONTRACTS)[number]) {
  const today = await businessDate(services.db, services.clock.now());
  const signedOn = addDays(today, -40);
  const bytes = Buffer.from(
    `%PDF-1.4\n% ${contract.no} ${contract.subject}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
  const begun = (await must(services, 'archive.upload.begin', {
    tier: 'contract',
    fileName: `${contract.no}.pdf`,
    mediaType: 'application/pdf',
    size: bytes.length,
  })) as { uploadId: string; chunkSize: number; chunks: number };
  for (let index = 0; index < begun.chunks; index++)
    await must(services, 'archive.upload.chunk', {
      uploadId: begun.uploadId,
      index,
      data: bytes.subarray(index * begun.chunkSize, (index + 1) * begun.chunkSize).toString('base64'),
    });
  await must(services, 'archive.contracts.add', {
    name: `${signedOn.replaceAll('-', '')}-${contract.no}-${contract.subject}`,
    counterparty: contract.counterparty,
    project: contract.subject,
    contractNo: contract.no,
    amountFen: contract.amountFen,
    signedOn,
    effectiveOn: addDays(signedOn, 10),
    expiresOn: addDays(signedOn, 375),
    uploadId: begun.uploadId,
  });
}
