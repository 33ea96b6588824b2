/** Booking intake: checks, price breakdown, inventory held, booking number, history — in the caller's transaction. */
import type { Kysely } from 'kysely';
import { newId } from '../made';
import type { Booking, ParsedInputOf } from '@shared/contract';
import { AppError } from '@shared/errors';
import { stayNights } from '@shared/rules/stay';
import type { Database } from '../../db/schema';
import { businessDate } from '../business-date';
import { readPolicy, writePolicy } from '../cancellations/policy';
import { activeGuest } from '../guests/rows';
import { nextNumber } from '../numbers';
import type { HandlerContext, SignedInContext } from '../rpc/handler';
import { assertSellable, holdNights } from './inventory';
import { priceStay, ratePlanRow, roomTypeRow } from './pricing';
import { loadBooking } from './read';
import { recordChange } from './history';
import { fromJson, toJson } from '@shared/json';

type BookingInput = ParsedInputOf<'bookings.create'>;

/** Refuses a stay the desk may not sell; returns what it read to decide (the business date, the room type, the rate plan). */
export async function assertStayAllowed(
  ctx: HandlerContext,
  input: Pick<BookingInput, 'arrival' | 'roomTypeId' | 'adults' | 'children' | 'ratePlanId' | 'channel'>,
) {
  const today = await businessDate(ctx.db, ctx.now);
  if (input.arrival < today) throw new AppError('INPUT_INVALID', { fields: 'arrival' }, ['arrival']);
  const roomType = await roomTypeRow(ctx.db, input.roomTypeId);
  if (input.adults + input.children > roomType.capacity)
    throw new AppError('CAPACITY_EXCEEDED', { capacity: roomType.capacity });
  const plan = input.ratePlanId ? await ratePlanRow(ctx.db, input.ratePlanId) : null;
  if (plan && !fromJson(plan.channels_json).includes(input.channel))
    throw new AppError('INPUT_INVALID', { fields: 'ratePlanId' }, ['ratePlanId']);
  return { today, roomType, plan };
}

/** The nights of a stay the property sells: STAY_TOO_LONG beyond its longest stay (never cut short). */
export async function sellableNights(db: Kysely<Database>, arrival: string, departure: string): Promise<string[]> {
  const nights = stayNights(arrival, departure);
  const { max_stay_nights: max } = await db.selectFrom('property').select('max_stay_nights').executeTakeFirstOrThrow();
  if (nights.length > max) throw new AppError('STAY_TOO_LONG', { max }, ['departure']);
  return nights;
}

export async function createBooking(ctx: SignedInContext, input: BookingInput, overbook: boolean): Promise<Booking> {
  const guest = await activeGuest(ctx.db, input.guestId);
  const { today, roomType, plan } = await assertStayAllowed(ctx, input);
  const nights = await sellableNights(ctx.db, input.arrival, input.departure);
  await assertSellable(ctx.db, input.roomTypeId, nights, { overbook });
  const quote = await priceStay(ctx.db, roomType, plan, input.arrival, input.departure);

  const id = newId();
  const at = ctx.now.toISOString();
  const number = await nextNumber(ctx.db, ctx, 'B', today);
  await ctx.db
    .insertInto('booking')
    .values({
      id,
      number,
      guest_id: input.guestId,
      channel: input.channel,
      status: 'confirmed',
      arrival: input.arrival,
      departure: input.departure,
      room_type_id: input.roomTypeId,
      room_id: null,
      adults: input.adults,
      children: input.children,
      rate_plan_id: input.ratePlanId,
      nights_json: toJson(quote.nights),
      total_fen: quote.totalFen,
      guarantee: input.guarantee,
      special_requests: input.specialRequests,
      // The booking keeps the plan's cancellation terms as they are today.
      cancellation_policy_json: writePolicy(readPolicy(plan?.cancellation_policy_json ?? null)),
      created_by: ctx.session.username,
      desk_id: ctx.device.id,
      checked_in_at: null,
      checked_out_at: null,
      created_at: at,
      updated_at: at,
      server_version: null,
      deleted_at: null,
    })
    .execute();
  await holdNights(ctx.db, id, input.roomTypeId, nights);
  await recordChange(ctx, id, overbook ? 'created_overbooked' : 'created', null, {
    number,
    arrival: input.arrival,
    departure: input.departure,
    totalFen: quote.totalFen,
  });
  const booking = await loadBooking(ctx.db, id);
  ctx.audit({
    entityType: 'booking',
    entityId: id,
    after: {
      number,
      guest: guest.name,
      arrival: input.arrival,
      departure: input.departure,
      totalFen: quote.totalFen,
      overbook,
    },
  });
  return booking;
}
