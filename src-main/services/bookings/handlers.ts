/** Availability, quotes, intake, changes, price overrides, payments and the day's lists. */
import { AppError } from '@shared/errors';
import { firstSoldOutNight } from '@shared/rules/availability';
import { businessDate } from '../business-date';
import type { HandlerMap } from '../rpc/handler';
import { availabilityGrid, roomRack } from './grid';
import { assertCan, recordChange } from './history';
import { writePayment } from './payments';
import { assertStayAllowed, createBooking, sellableNights } from './intake';
import { assertSellable, closedAmong, holdNights, nightInventory } from './inventory';
import { priceStay, quoteStay } from './pricing';
import { bookingSummaries, findBookingRow, loadBooking } from './read';
import { roomAfterChange } from './rooms';
import { toJson } from '@shared/json';

export const bookingHandlers: HandlerMap<
  | 'availability.grid'
  | 'availability.rack'
  | 'bookings.quote'
  | 'bookings.create'
  | 'bookings.overbook'
  | 'bookings.get'
  | 'bookings.change'
  | 'bookings.overridePrice'
  | 'bookings.day'
  | 'payments.record'
> = {
  'availability.grid': ({ db }, { from, nights }) => availabilityGrid(db, from, nights),
  'availability.rack': ({ db }, { from, nights }) => roomRack(db, from, nights),

  'bookings.quote': async ({ db }, { arrival, departure, roomTypeId, ratePlanId }) => {
    const nights = await sellableNights(db, arrival, departure);
    const quote = await quoteStay(db, roomTypeId, ratePlanId, arrival, departure);
    const soldOutNight =
      (await closedAmong(db, nights)) ?? firstSoldOutNight(await nightInventory(db, roomTypeId, nights));
    return { ...quote, available: soldOutNight === null, soldOutNight };
  },

  'bookings.create': (ctx, input) => createBooking(ctx, input, false),
  'bookings.overbook': (ctx, input) => createBooking(ctx, input, true),
  'bookings.get': ({ db }, { id }) => loadBooking(db, id),

  'bookings.change': async (ctx, input) => {
    const row = await findBookingRow(ctx.db, input.id);
    assertCan(row.status, 'change');
    if (row.status === 'checked_in' && (input.arrival !== row.arrival || input.roomTypeId !== row.room_type_id))
      throw new AppError('BOOKING_STATE');
    const { roomType, plan } = await assertStayAllowed(ctx, {
      ...input,
      channel: row.channel,
      arrival: row.status === 'checked_in' ? await businessDate(ctx.db, ctx.now) : input.arrival,
    });
    const nights = await sellableNights(ctx.db, input.arrival, input.departure);
    await assertSellable(ctx.db, input.roomTypeId, nights, { overbook: false, excludeBookingId: row.id });
    const quote = await priceStay(ctx.db, roomType, plan, input.arrival, input.departure);
    const at = ctx.now.toISOString();
    const roomId = await roomAfterChange(ctx.db, row, input, at);
    const before = {
      arrival: row.arrival,
      departure: row.departure,
      roomTypeId: row.room_type_id,
      ratePlanId: row.rate_plan_id,
      adults: row.adults,
      children: row.children,
      specialRequests: row.special_requests,
      totalFen: row.total_fen,
      ...(roomId !== row.room_id && { roomId: row.room_id }),
    };
    const after = {
      arrival: input.arrival,
      departure: input.departure,
      roomTypeId: input.roomTypeId,
      ratePlanId: input.ratePlanId,
      adults: input.adults,
      children: input.children,
      specialRequests: input.specialRequests,
      totalFen: quote.totalFen,
      ...(roomId !== row.room_id && { roomId }),
    };
    await ctx.db
      .updateTable('booking')
      .set({
        arrival: input.arrival,
        departure: input.departure,
        room_type_id: input.roomTypeId,
        rate_plan_id: input.ratePlanId,
        adults: input.adults,
        children: input.children,
        special_requests: input.specialRequests,
        nights_json: toJson(quote.nights),
        total_fen: quote.totalFen,
        room_id: roomId,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .execute();
    await holdNights(ctx.db, row.id, input.roomTypeId, nights);
    await recordChange(ctx, row.id, 'changed', before, after, input.authorisation);
    ctx.audit({ entityType: 'booking', entityId: row.id, before, after });
    return loadBooking(ctx.db, row.id);
  },

  'bookings.overridePrice': async (ctx, { id, nightlyFen, authorisation }) => {
    const booking = await loadBooking(ctx.db, id);
    assertCan(booking.status, 'change');
    const nights = booking.nights.map((n) => ({ night: n.night, priceFen: nightlyFen }));
    const totalFen = nightlyFen * nights.length;
    await ctx.db
      .updateTable('booking')
      .set({ nights_json: toJson(nights), total_fen: totalFen, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    await recordChange(
      ctx,
      id,
      'price_override',
      { nights: booking.nights, totalFen: booking.totalFen },
      { nights, totalFen },
      authorisation,
    );
    ctx.audit({ entityType: 'booking', entityId: id, before: { totalFen: booking.totalFen }, after: { totalFen } });
    return loadBooking(ctx.db, id);
  },

  'bookings.day': async ({ db, now }) => {
    const today = await businessDate(db, now);
    return {
      businessDate: today,
      arrivals: await bookingSummaries(db, (q) =>
        q.where('booking.arrival', '=', today).where('booking.status', '=', 'confirmed'),
      ),
      departures: await bookingSummaries(db, (q) =>
        q.where('booking.departure', '<=', today).where('booking.status', '=', 'checked_in'),
      ),
      inHouse: await bookingSummaries(db, (q) => q.where('booking.status', '=', 'checked_in')),
    };
  },

  'payments.record': async (ctx, { bookingId, kind, method, amountFen, reference }) => {
    const row = await findBookingRow(ctx.db, bookingId);
    assertCan(row.status, 'pay');
    const id = await writePayment(ctx, { bookingId, kind, method, amountFen, reference });
    ctx.audit({
      entityType: 'payment',
      entityId: id,
      after: { booking: row.number, kind, method, amountFen: kind === 'refund' ? -amountFen : amountFen, reference },
    });
    return loadBooking(ctx.db, bookingId);
  },
};
