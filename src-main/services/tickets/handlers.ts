/**
 * Timed-entry tickets: products with daily slots, real-name sales against each slot's capacity
 * (visitors' ID numbers sealed, src-main/vault/guest-fields.ts), and redemption at the gate on the visit date, once per visitor.
 */
import { newId } from '../made';
import { AppError } from '@shared/errors';
import { businessDate } from '../business-date';
import { writePolicy } from '../cancellations/policy';
import { assertCodeFree } from '../inventory/unique-code';
import { nextNumber } from '../numbers';
import { sealVisitorIdNumber } from '../../vault/guest-fields';
import type { HandlerMap } from '../rpc/handler';
import { findProduct, loadOrder, loadProducts, soldVisitors } from './rows';
import { assertDistinctStarts, replaceSlots } from './slots';

export const ticketHandlers: HandlerMap<
  | 'ticketProducts.list'
  | 'ticketProducts.save'
  | 'tickets.availability'
  | 'tickets.sell'
  | 'tickets.find'
  | 'tickets.redeem'
> = {
  'ticketProducts.list': ({ db }) => loadProducts(db),

  'ticketProducts.save': async (ctx, input) => {
    assertDistinctStarts(input.slots);
    const before = input.id ? await findProduct(ctx.db, input.id) : undefined;
    await assertCodeFree(ctx.db, 'ticket_product', input.code, input.id);
    const at = ctx.now.toISOString();
    const fields = {
      code: input.code,
      name: input.name,
      price_fen: input.priceFen,
      cancellation_policy_json: writePolicy(input.cancellationPolicy),
      updated_at: at,
    };
    const id = input.id ?? newId();
    if (before) {
      await ctx.db.updateTable('ticket_product').set(fields).where('id', '=', id).execute();
    } else {
      await ctx.db
        .insertInto('ticket_product')
        .values({ id, ...fields, created_at: at, server_version: null, deleted_at: null })
        .execute();
    }
    await replaceSlots(ctx.db, id, input.slots);
    const after = await findProduct(ctx.db, id);
    ctx.audit({ entityType: 'ticket_product', entityId: id, before, after });
    return after;
  },

  'tickets.availability': async ({ db }, { productId, visitDate }) => {
    const product = await findProduct(db, productId);
    return Promise.all(
      product.slots.map(async (slot) => {
        const sold = await soldVisitors(db, slot.id, visitDate);
        return { ...slot, sold, available: Math.max(0, slot.capacity - sold) };
      }),
    );
  },

  'tickets.sell': async (ctx, { productId, slotId, visitDate, visitors }) => {
    const today = await businessDate(ctx.db, ctx.now);
    if (visitDate < today) throw new AppError('INPUT_INVALID', { fields: 'visitDate' }, ['visitDate']);
    if (await ctx.db.selectFrom('closed_date').select('date').where('date', '=', visitDate).executeTakeFirst()) {
      throw new AppError('DATE_CLOSED', { date: visitDate });
    }
    const product = await findProduct(ctx.db, productId);
    const slot = product.slots.find((s) => s.id === slotId);
    if (!slot) throw new AppError('NOT_FOUND');
    const sold = await soldVisitors(ctx.db, slot.id, visitDate);
    if (sold + visitors.length > slot.capacity)
      throw new AppError('SLOT_FULL', { available: Math.max(0, slot.capacity - sold) });

    // Visitors' ID numbers are sealed: without the property key the sale is refused before anything is written.
    const keys = await ctx.vault.open(ctx.db);
    const id = newId();
    const at = ctx.now.toISOString();
    const number = await nextNumber(ctx.db, ctx, 'T', today);
    const totalFen = product.priceFen * visitors.length;
    await ctx.db
      .insertInto('ticket_order')
      .values({
        id,
        number,
        product_id: product.id,
        slot_id: slot.id,
        visit_date: visitDate,
        status: 'sold',
        total_fen: totalFen,
        cancellation_policy_json: writePolicy(product.cancellationPolicy),
        created_by: ctx.session.staffId,
        desk_id: ctx.device.id,
        created_at: at,
        updated_at: at,
        server_version: null,
      })
      .execute();
    await ctx.db
      .insertInto('ticket_visitor')
      .values(
        visitors.map((v) => ({
          id: newId(),
          order_id: id,
          name: v.name,
          id_type: v.idType,
          ...sealVisitorIdNumber(keys, v.idNumber),
          redeemed_at: null,
          redeemed_by: null,
        })),
      )
      .execute();
    // The audit entry names the sale; the visitors' ID numbers stay out of it.
    ctx.audit({
      entityType: 'ticket_order',
      entityId: id,
      after: { number, productId, slotId, visitDate, visitors: visitors.length, totalFen },
    });
    return loadOrder(ctx.db, { id });
  },

  'tickets.find': async ({ db }, { number }) => loadOrder(db, { number }),

  'tickets.redeem': async (ctx, { orderId, visitorIds }) => {
    const order = await ctx.db
      .selectFrom('ticket_order')
      .select(['id', 'number', 'visit_date', 'status'])
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!order) throw new AppError('NOT_FOUND');
    if (order.status !== 'sold') throw new AppError('BOOKING_STATE');
    if (order.visit_date !== (await businessDate(ctx.db, ctx.now)))
      throw new AppError('TICKET_NOT_FOR_TODAY', { date: order.visit_date });

    const wanted = [...new Set(visitorIds)];
    const visitors = await ctx.db
      .selectFrom('ticket_visitor')
      .select(['id', 'redeemed_at'])
      .where('order_id', '=', orderId)
      .where('id', 'in', wanted)
      .execute();
    if (visitors.length !== wanted.length) throw new AppError('NOT_FOUND');
    if (visitors.some((v) => v.redeemed_at !== null)) throw new AppError('TICKET_ALREADY_USED');

    const at = ctx.now.toISOString();
    await ctx.db
      .updateTable('ticket_visitor')
      .set({ redeemed_at: at, redeemed_by: ctx.session.staffId })
      .where('id', 'in', wanted)
      .execute();
    await ctx.db.updateTable('ticket_order').set({ updated_at: at }).where('id', '=', orderId).execute();
    ctx.audit({
      entityType: 'ticket_order',
      entityId: orderId,
      before: { number: order.number, visitorIds: wanted, redeemedAt: null },
      after: { number: order.number, visitorIds: wanted, redeemedAt: at },
    });
    return loadOrder(ctx.db, { id: orderId });
  },
};
