/** Reading ticket products and orders as the contract's shapes. */
import type { Kysely } from 'kysely';
import type { TicketOrder, TicketProduct } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { Database } from '../../db/schema';
import { readPolicy } from '../cancellations/policy';

export async function loadProducts(db: Kysely<Database>, id?: string): Promise<TicketProduct[]> {
  let q = db.selectFrom('ticket_product').selectAll().where('deleted_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const products = await q.orderBy('code').execute();
  if (products.length === 0) return [];
  const slots = await db
    .selectFrom('ticket_slot')
    .selectAll()
    .where(
      'product_id',
      'in',
      products.map((p) => p.id),
    )
    .orderBy('start_time')
    .execute();
  return products.map((product) => ({
    id: product.id,
    code: product.code,
    name: product.name,
    priceFen: product.price_fen,
    cancellationPolicy: readPolicy(product.cancellation_policy_json),
    slots: slots
      .filter((slot) => slot.product_id === product.id)
      .map((slot) => ({ id: slot.id, startTime: slot.start_time, endTime: slot.end_time, capacity: slot.capacity })),
  }));
}

export async function findProduct(db: Kysely<Database>, id: string): Promise<TicketProduct> {
  const [product] = await loadProducts(db, id);
  if (!product) throw new AppError('NOT_FOUND');
  return product;
}

/** Visitors of sold orders for a slot on a date: what counts against its capacity. */
export async function soldVisitors(db: Kysely<Database>, slotId: string, visitDate: string): Promise<number> {
  const { n } = await db
    .selectFrom('ticket_visitor')
    .innerJoin('ticket_order', 'ticket_order.id', 'ticket_visitor.order_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ticket_order.slot_id', '=', slotId)
    .where('ticket_order.visit_date', '=', visitDate)
    .where('ticket_order.status', '=', 'sold')
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** An order with its visitors; ID numbers are always masked (the gate compares the card), empty while one from before they were sealed waits for the key. */
export async function loadOrder(
  db: Kysely<Database>,
  where: { id: string } | { number: string },
): Promise<TicketOrder> {
  let q = db
    .selectFrom('ticket_order')
    .innerJoin('ticket_product', 'ticket_product.id', 'ticket_order.product_id')
    .innerJoin('ticket_slot', 'ticket_slot.id', 'ticket_order.slot_id')
    .select([
      'ticket_order.id',
      'ticket_order.number',
      'ticket_order.product_id',
      'ticket_product.name as product_name',
      'ticket_order.visit_date',
      'ticket_slot.start_time',
      'ticket_slot.end_time',
      'ticket_order.status',
      'ticket_order.total_fen',
      'ticket_order.cancellation_policy_json',
      'ticket_order.created_at',
    ]);
  q = 'id' in where ? q.where('ticket_order.id', '=', where.id) : q.where('ticket_order.number', '=', where.number);
  const order = await q.executeTakeFirst();
  if (!order) throw new AppError('NOT_FOUND');
  const visitors = await db
    .selectFrom('ticket_visitor')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('id')
    .execute();
  return {
    id: order.id,
    number: order.number,
    productId: order.product_id,
    productName: order.product_name,
    visitDate: order.visit_date,
    slot: { startTime: order.start_time, endTime: order.end_time },
    status: order.status,
    totalFen: order.total_fen,
    cancellationPolicy: readPolicy(order.cancellation_policy_json),
    visitors: visitors.map((v) => ({
      id: v.id,
      name: v.name,
      idType: v.id_type,
      idNumber: v.id_number_masked ?? '',
      redeemedAt: v.redeemed_at,
    })),
    createdAt: order.created_at,
  };
}
