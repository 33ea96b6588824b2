/**
 * Fills a fresh desk with the believable demo hotel: the property, staff for every role (through
 * the contract, so they are audited like any other), 120 rooms in 5 types, and N guests for scale.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors';
import type { Database } from '../../db/schema';
import { appendAudit } from '../audit/chain';
import { dispatch } from '../rpc/dispatch';
import type { Services } from '../desk-services';
import { NO_ID_NUMBER, sealPhone } from '../../vault/guest-fields';
import type { PropertyKeys } from '../../vault/vault';
import {
  DEMO_ARRIVALS,
  DEMO_SET_UP_DAYS_AGO,
  DEMO_FLOORS,
  DEMO_PROPERTY,
  DEMO_RATE_PLAN,
  DEMO_RECOVERY_PASSPHRASE,
  DEMO_ROOM_TYPES,
  DEMO_STAFF,
  DEMO_TICKETS,
  demoGuest,
} from './demo-hotel';
import { addDays } from '@shared/rules/stay';
import { businessDate, setBusinessDate } from '../business-date';
import { toJson } from '@shared/json';

const FRIDAY_SATURDAY = (1 << 4) | (1 << 5);

const GUEST_BATCH = 500;
const NO_PROFILE_DETAILS = {
  id_type: null,
  ...NO_ID_NUMBER,
  preferences: null,
  special_needs: null,
  email: null,
  temporary: 0,
  server_version: null,
  deleted_at: null,
  erased_at: null,
};

export async function must(services: Services, name: string, input: unknown): Promise<unknown> {
  const result = await dispatch(services, name, input);
  if (!result.ok) throw AppError.from(result.error);
  return result.value;
}

async function seedRooms(trx: Kysely<Database>, at: string): Promise<number> {
  let rooms = 0;
  for (const floor of DEMO_FLOORS) {
    let index = 1;
    for (const type of DEMO_ROOM_TYPES) {
      const typeId = (
        await trx.selectFrom('room_type').select('id').where('code', '=', type.code).executeTakeFirstOrThrow()
      ).id;
      for (let i = 0; i < type.roomsPerFloor; i++, index++) {
        const number = `${floor}${String(index).padStart(2, '0')}`;
        await trx
          .insertInto('room')
          .values({
            id: uuidv7(),
            number,
            floor,
            room_type_id: typeId,
            features_json: toJson([...type.features]),
            status: 'vacant_clean',
            created_at: at,
            updated_at: at,
            server_version: null,
            deleted_at: null,
          })
          .execute();
        rooms++;
      }
    }
  }
  return rooms;
}

async function seedGuests(
  trx: Kysely<Database>,
  keys: PropertyKeys,
  count: number,
  at: string,
  onProgress?: (done: number) => void,
): Promise<void> {
  for (let start = 0; start < count; start += GUEST_BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + GUEST_BATCH); i++) {
      const guest = demoGuest(i);
      rows.push({
        ...NO_PROFILE_DETAILS,
        id: uuidv7(),
        customer_no: guest.customerNo,
        name: guest.name,
        ...sealPhone(keys, guest.phone),
        segment: guest.segment,
        created_at: at,
        updated_at: at,
      });
    }
    await trx.insertInto('guest').values(rows).execute();
    onProgress?.(start + rows.length);
  }
}

/** The rate plan and the lake cruise's timed tickets, through the contract as a desk would; the plan's id. */
async function seedProducts(services: Services, englishNames: boolean): Promise<string> {
  const types = await services.db.selectFrom('room_type').select(['id', 'code']).execute();
  await must(services, 'ratePlans.save', {
    code: DEMO_RATE_PLAN.code,
    name: DEMO_RATE_PLAN.name,
    nameEn: englishNames ? DEMO_RATE_PLAN.nameEn : null,
    cancellationPolicy: DEMO_RATE_PLAN.cancellationPolicy,
    channels: ['phone', 'online', 'walk_in', 'travel_agency', 'ota'],
    prices: types.map((type) => ({
      roomTypeId: type.id,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      weekdays: FRIDAY_SATURDAY,
      priceFen: DEMO_RATE_PLAN.weekendFen[type.code as keyof typeof DEMO_RATE_PLAN.weekendFen],
    })),
  });
  const plan = (
    await services.db
      .selectFrom('rate_plan')
      .select('id')
      .where('code', '=', DEMO_RATE_PLAN.code)
      .executeTakeFirstOrThrow()
  ).id;
  await must(services, 'ticketProducts.save', DEMO_TICKETS);
  return plan;
}

/** Today's arrivals (the lean demo's only bookings). */
async function seedArrivals(services: Services, plan: string, guests: number): Promise<number> {
  const types = await services.db.selectFrom('room_type').select(['id', 'code']).execute();
  // The seeding clock runs DEMO_SET_UP_DAYS_AGO behind: these were booked then, for today.
  const today = addDays(await businessDate(services.db, services.clock.now()), DEMO_SET_UP_DAYS_AGO);
  const arrivals = Math.min(DEMO_ARRIVALS, guests);
  const firstGuests = await services.db
    .selectFrom('guest')
    .select('id')
    .orderBy('customer_no')
    .limit(arrivals)
    .execute();
  for (const [i, guest] of firstGuests.entries()) {
    await must(services, 'bookings.create', {
      guestId: guest.id,
      channel: i % 2 ? 'phone' : 'online',
      arrival: today,
      departure: addDays(today, 1 + (i % 3)),
      roomTypeId: types[i % types.length]!.id,
      ratePlanId: plan,
      adults: 1,
    });
  }
  return arrivals;
}

export interface DemoOptions {
  guests: number;
  onProgress?: (done: number) => void;
  /** English names for the room types and the rate plan (the busy demo; the lean one has none, as specs set them). */
  englishNames?: boolean;
}

/**
 * The property, its staff (through the contract, so they are audited like any other), 120 rooms in
 * 5 types, N guests for scale, the rate plan and the lake cruise; the admin stays signed in.
 */
export async function seedHotel(services: Services, options: DemoOptions) {
  const [admin, ...others] = DEMO_STAFF;
  await must(services, 'setup.initialize', {
    property: DEMO_PROPERTY,
    admin: admin!,
    recoveryPassphrase: DEMO_RECOVERY_PASSPHRASE,
  });
  for (const member of others) await must(services, 'staff.create', member);

  const now = services.clock.now();
  const at = now.toISOString();
  const rooms = await services.db.transaction().execute(async (trx) => {
    for (const type of DEMO_ROOM_TYPES) {
      await trx
        .insertInto('room_type')
        .values({
          id: uuidv7(),
          code: type.code,
          name: type.name,
          name_en: options.englishNames ? type.nameEn : null,
          capacity: type.capacity,
          base_rate_fen: type.baseRateFen,
          created_at: at,
          updated_at: at,
          server_version: null,
          deleted_at: null,
        })
        .execute();
    }
    const count = await seedRooms(trx, at);
    await seedGuests(trx, await services.vault.open(trx), options.guests, at, options.onProgress);
    await appendAudit(trx, services.vault.audit, {
      at: now,
      deviceId: services.device.id,
      actor: { id: 'seed', name: 'seed:demo' },
      operation: 'seed.demo',
      outcome: 'ok',
      detail: { after: { roomTypes: DEMO_ROOM_TYPES.length, rooms: count, guests: options.guests } },
    });
    return count;
  });
  const plan = await seedProducts(services, options.englishNames ?? false);
  return { rooms, plan };
}

/**
 * The lean demo hotel (what the e2e specs start from): the hotel, set up DEMO_SET_UP_DAYS_AGO (the
 * caller's clock runs that far behind), and today's arrivals; nobody in house, every room clean.
 */
export async function seedDemo(services: Services, options: DemoOptions) {
  const { rooms, plan } = await seedHotel(services, options);
  const arrivals = await seedArrivals(services, plan, options.guests);
  // The demo hotel has run its night audits every night since it was set up: its business date is today.
  await setBusinessDate(
    services.db,
    addDays(await businessDate(services.db, services.clock.now()), DEMO_SET_UP_DAYS_AGO),
  );
  await must(services, 'auth.signOut', {});
  return { staff: DEMO_STAFF, roomTypes: DEMO_ROOM_TYPES.length, rooms, guests: options.guests, arrivals };
}
