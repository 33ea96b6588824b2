/**
 * Property setup: room types, rooms, rate plans with their dated prices, and the dates closed for
 * sale. Admins (inventory.manage) change them; every desk reads them to sell.
 */
import type { Kysely } from 'kysely';
import { newId } from '../made';
import type { ClosedDate } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { Database } from '../../db/schema';
import { writePolicy } from '../cancellations/policy';
import type { HandlerMap } from '../rpc/handler';
import { findRatePlan, findRoom, findRoomType, loadRatePlans, loadRooms, loadRoomTypes } from './rows';
import { assertCodeFree } from './unique-code';
import { toJson } from '@shared/json';

async function loadClosedDates(db: Kysely<Database>): Promise<ClosedDate[]> {
  return db.selectFrom('closed_date').select(['date', 'reason']).orderBy('date').execute();
}

async function assertRoomTypesExist(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await db
    .selectFrom('room_type')
    .select('id')
    .where('id', 'in', wanted)
    .where('deleted_at', 'is', null)
    .execute();
  if (found.length !== wanted.length) throw new AppError('NOT_FOUND');
}

export const inventoryHandlers: HandlerMap<
  | 'roomTypes.list'
  | 'roomTypes.save'
  | 'rooms.list'
  | 'rooms.save'
  | 'ratePlans.list'
  | 'ratePlans.save'
  | 'closedDates.list'
  | 'closedDates.set'
> = {
  'roomTypes.list': ({ db }) => loadRoomTypes(db),

  'roomTypes.save': async (ctx, input) => {
    const before = input.id ? await findRoomType(ctx.db, input.id) : undefined;
    await assertCodeFree(ctx.db, 'room_type', input.code, input.id);
    const at = ctx.now.toISOString();
    const fields = {
      code: input.code,
      name: input.name,
      name_en: input.nameEn,
      capacity: input.capacity,
      base_rate_fen: input.baseRateFen,
      updated_at: at,
    };
    const id = input.id ?? newId();
    if (before) {
      await ctx.db.updateTable('room_type').set(fields).where('id', '=', id).execute();
    } else {
      await ctx.db
        .insertInto('room_type')
        .values({ id, ...fields, created_at: at, server_version: null, deleted_at: null })
        .execute();
    }
    const after = await findRoomType(ctx.db, id);
    ctx.audit({ entityType: 'room_type', entityId: id, before, after });
    return after;
  },

  'rooms.list': ({ db }) => loadRooms(db),

  'rooms.save': async (ctx, input) => {
    const before = input.id ? await findRoom(ctx.db, input.id) : undefined;
    let taken = ctx.db.selectFrom('room').select('id').where('number', '=', input.number);
    if (input.id) taken = taken.where('id', '!=', input.id);
    if (await taken.executeTakeFirst()) throw new AppError('CODE_TAKEN', { code: input.number });
    await assertRoomTypesExist(ctx.db, [input.roomTypeId]);
    const at = ctx.now.toISOString();
    const fields = {
      number: input.number,
      floor: input.floor,
      room_type_id: input.roomTypeId,
      features_json: toJson(input.features),
      updated_at: at,
    };
    const id = input.id ?? newId();
    if (before) {
      // The status belongs to housekeeping and the front desk; setup never changes it.
      await ctx.db.updateTable('room').set(fields).where('id', '=', id).execute();
    } else {
      await ctx.db
        .insertInto('room')
        .values({ id, ...fields, status: 'vacant_clean', created_at: at, server_version: null, deleted_at: null })
        .execute();
    }
    const after = await findRoom(ctx.db, id);
    ctx.audit({ entityType: 'room', entityId: id, before, after });
    return after;
  },

  'ratePlans.list': ({ db }) => loadRatePlans(db),

  'ratePlans.save': async (ctx, input) => {
    const before = input.id ? await findRatePlan(ctx.db, input.id) : undefined;
    await assertCodeFree(ctx.db, 'rate_plan', input.code, input.id);
    await assertRoomTypesExist(
      ctx.db,
      input.prices.map((p) => p.roomTypeId),
    );
    const at = ctx.now.toISOString();
    const fields = {
      code: input.code,
      name: input.name,
      name_en: input.nameEn,
      member_only: input.memberOnly ? 1 : 0,
      channels_json: toJson([...new Set(input.channels)]),
      cancellation_policy_json: writePolicy(input.cancellationPolicy),
      updated_at: at,
    };
    const id = input.id ?? newId();
    if (before) {
      await ctx.db.updateTable('rate_plan').set(fields).where('id', '=', id).execute();
      await ctx.db.deleteFrom('rate_plan_price').where('rate_plan_id', '=', id).execute();
    } else {
      await ctx.db
        .insertInto('rate_plan')
        .values({ id, ...fields, created_at: at, server_version: null, deleted_at: null })
        .execute();
    }
    if (input.prices.length > 0) {
      await ctx.db
        .insertInto('rate_plan_price')
        .values(
          input.prices.map((price) => ({
            id: newId(),
            rate_plan_id: id,
            room_type_id: price.roomTypeId,
            start_date: price.startDate,
            end_date: price.endDate,
            weekdays: price.weekdays,
            price_fen: price.priceFen,
            created_at: at,
          })),
        )
        .execute();
    }
    const after = await findRatePlan(ctx.db, id);
    ctx.audit({ entityType: 'rate_plan', entityId: id, before, after });
    return after;
  },

  'closedDates.list': ({ db }) => loadClosedDates(db),

  'closedDates.set': async (ctx, { date, closed, reason }) => {
    const before = await ctx.db
      .selectFrom('closed_date')
      .select(['date', 'reason'])
      .where('date', '=', date)
      .executeTakeFirst();
    if (closed) {
      await ctx.db
        .insertInto('closed_date')
        .values({ date, reason, created_at: ctx.now.toISOString() })
        .onConflict((oc) => oc.column('date').doUpdateSet({ reason }))
        .execute();
    } else {
      await ctx.db.deleteFrom('closed_date').where('date', '=', date).execute();
    }
    ctx.audit({
      entityType: 'closed_date',
      entityId: date,
      before: before ? { closed: true, reason: before.reason } : { closed: false },
      after: closed ? { closed: true, reason } : { closed: false },
    });
    return loadClosedDates(ctx.db);
  },
};
