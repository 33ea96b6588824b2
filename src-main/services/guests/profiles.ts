/** Guest profiles: intake with duplicate detection (phone or ID number), edits, the profile with its stays, the audited ID reveal. */
import type { Kysely } from 'kysely';
import { newId } from '../made';
import type { GuestProfile, IdType, ParsedInputOf, Segment } from '@shared/contract';
import { AppError } from '@shared/errors';
import { maskIdNumber, maskPhone } from '@shared/rules/masking';
import type { Database, GuestRow } from '../../db/schema';
import { bookingSummaries } from '../bookings/read';
import { nextDeskCode } from '../numbers';
import type { HandlerMap } from '../rpc/handler';

type ProfileInput = Omit<ParsedInputOf<'guests.create'>, 'temporary' | 'allowDuplicate'>;

async function guestRow(db: Kysely<Database>, id: string): Promise<GuestRow> {
  const row = await db.selectFrom('guest').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function toProfile(db: Kysely<Database>, row: GuestRow): Promise<GuestProfile> {
  return {
    id: row.id,
    customerNo: row.customer_no,
    name: row.name,
    phone: row.phone,
    email: row.email,
    idType: row.id_type as IdType | null,
    idNumber: row.id_number ? maskIdNumber(row.id_number) : null,
    segment: row.segment as Segment,
    preferences: row.preferences ?? '',
    specialNeeds: row.special_needs ?? '',
    temporary: row.temporary === 1,
    createdAt: row.created_at,
    stays: await bookingSummaries(db, (q) => q.where('booking.guest_id', '=', row.id), 50),
  };
}

function duplicates(db: Kysely<Database>, phone: string | null, idNumber: string | null, exceptId?: string) {
  if (!phone && !idNumber) return Promise.resolve([]);
  let query = db
    .selectFrom('guest')
    .select(['id', 'customer_no', 'name', 'phone', 'segment'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([...(phone ? [eb('phone', '=', phone)] : []), ...(idNumber ? [eb('id_number', '=', idNumber)] : [])]));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.limit(10).execute();
}

function columns(input: ProfileInput) {
  return {
    name: input.name,
    phone: input.phone,
    email: input.email,
    id_type: input.idType,
    id_number: input.idNumber,
    segment: input.segment,
    preferences: input.preferences,
    special_needs: input.specialNeeds,
  };
}

export const guestProfileHandlers: HandlerMap<'guests.create' | 'guests.update' | 'guests.get' | 'guests.duplicates' | 'guests.revealId'> = {
  'guests.create': async (ctx, input) => {
    if (!input.allowDuplicate) {
      const [same] = await duplicates(ctx.db, input.phone, input.idNumber);
      if (same) throw new AppError('DUPLICATE_GUEST', { customerNo: same.customer_no, name: same.name });
    }
    const at = ctx.now.toISOString();
    const id = newId();
    const customerNo = await nextDeskCode(ctx.db, ctx.services, 'C');
    await ctx.db
      .insertInto('guest')
      .values({ id, customer_no: customerNo, ...columns(input), temporary: input.temporary ? 1 : 0, created_at: at, updated_at: at, server_version: null, deleted_at: null })
      .execute();
    ctx.audit({ entityType: 'guest', entityId: id, after: { customerNo, name: input.name, temporary: input.temporary } });
    return toProfile(ctx.db, await guestRow(ctx.db, id));
  },

  'guests.update': async (ctx, { id, ...input }) => {
    const before = await guestRow(ctx.db, id);
    const { id_number, ...rest } = columns({ ...input, idNumber: input.idNumber ?? null });
    await ctx.db
      .updateTable('guest')
      .set({ ...rest, ...(input.idNumber !== undefined && { id_number }), temporary: 0, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    ctx.audit({ entityType: 'guest', entityId: id, before: { name: before.name, phone: maskPhone(before.phone) }, after: { name: input.name, phone: maskPhone(input.phone) } });
    return toProfile(ctx.db, await guestRow(ctx.db, id));
  },

  'guests.get': async ({ db }, { id }) => toProfile(db, await guestRow(db, id)),

  'guests.duplicates': async ({ db }, { phone, idNumber }) =>
    (await duplicates(db, phone, idNumber)).map((r) => ({ id: r.id, customerNo: r.customer_no, name: r.name, phone: maskPhone(r.phone), segment: r.segment as Segment })),

  'guests.revealId': async (ctx, { id }) => {
    const row = await guestRow(ctx.db, id);
    ctx.audit({ entityType: 'guest', entityId: id, after: { revealed: 'idNumber', customerNo: row.customer_no } });
    return { idNumber: row.id_number };
  },
};
