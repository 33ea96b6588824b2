/** Guest profiles: intake with duplicate detection (phone or ID number), edits, the profile with its stays, the audited ID reveal. */
import { newId } from '../made';
import type { GuestProfile, ParsedInputOf } from '@shared/contract';
import { AppError } from '@shared/errors';
import { maskIdNumber } from '@shared/rules/masking';
import {
  idNumberLookup,
  NO_PHONE,
  openIdNumber,
  openPhone,
  phoneLookup,
  sealIdNumber,
  sealPhone,
} from '../../vault/guest-fields';
import type { PropertyKeys } from '../../vault/vault';
import { bookingSummaries } from '../bookings/read';
import { nextDeskCode } from '../numbers';
import type { HandlerContext, HandlerMap } from '../rpc/handler';
import { activeGuest, guestSummary } from './rows';

type ProfileInput = Omit<ParsedInputOf<'guests.create'>, 'temporary' | 'allowDuplicate'>;

/** The property's keys, needed to seal or open a phone or an ID number: VAULT_LOCKED (before anything is written) when this desk does not hold them. */
function keys(ctx: Pick<HandlerContext, 'db' | 'vault'>): Promise<PropertyKeys> {
  return ctx.vault.open(ctx.db);
}

async function toProfile(ctx: Pick<HandlerContext, 'db' | 'vault'>, id: string): Promise<GuestProfile> {
  const row = await activeGuest(ctx.db, id);
  const sealed = row.phone_sealed !== null || row.id_number_sealed !== null ? await keys(ctx) : null;
  const idNumber = sealed && openIdNumber(sealed, row);
  return {
    id: row.id,
    customerNo: row.customer_no,
    name: row.name,
    phone: sealed && openPhone(sealed, row),
    email: row.email,
    idType: row.id_type,
    idNumber: idNumber ? maskIdNumber(idNumber) : null,
    segment: row.segment,
    preferences: row.preferences ?? '',
    specialNeeds: row.special_needs ?? '',
    temporary: row.temporary === 1,
    createdAt: row.created_at,
    stays: await bookingSummaries(ctx.db, (q) => q.where('booking.guest_id', '=', row.id), 50),
  };
}

/** Profiles sharing the phone or the ID number, found by their keyed hashes. */
async function duplicates(ctx: Pick<HandlerContext, 'db' | 'vault'>, phone: string | null, idNumber: string | null) {
  if (!phone && !idNumber) return [];
  const k = await keys(ctx);
  return ctx.db
    .selectFrom('guest')
    .select(['id', 'customer_no', 'name', 'phone_masked', 'segment'])
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(phone ? [eb('phone_hmac', '=', phoneLookup(k, phone))] : []),
        ...(idNumber ? [eb('id_number_hmac', '=', idNumberLookup(k, idNumber))] : []),
      ]),
    )
    .limit(10)
    .execute();
}

function columns(input: ProfileInput) {
  return {
    name: input.name,
    email: input.email,
    id_type: input.idType,
    segment: input.segment,
    preferences: input.preferences,
    special_needs: input.specialNeeds,
  };
}

export const guestProfileHandlers: HandlerMap<
  'guests.create' | 'guests.update' | 'guests.get' | 'guests.duplicates' | 'guests.revealId'
> = {
  'guests.create': async (ctx, input) => {
    const sealing = input.phone !== null || input.idNumber !== null ? await keys(ctx) : null;
    if (!input.allowDuplicate) {
      const [same] = await duplicates(ctx, input.phone, input.idNumber);
      if (same) throw new AppError('DUPLICATE_GUEST', { customerNo: same.customer_no, name: same.name });
    }
    const at = ctx.now.toISOString();
    const id = newId();
    const customerNo = await nextDeskCode(ctx.db, ctx, 'C');
    await ctx.db
      .insertInto('guest')
      .values({
        id,
        customer_no: customerNo,
        ...columns(input),
        ...(sealing ? { ...sealPhone(sealing, input.phone), ...sealIdNumber(sealing, input.idNumber) } : {}),
        temporary: input.temporary ? 1 : 0,
        created_at: at,
        updated_at: at,
        server_version: null,
        deleted_at: null,
      })
      .execute();
    ctx.audit({
      entityType: 'guest',
      entityId: id,
      after: { customerNo, name: input.name, temporary: input.temporary },
    });
    return toProfile(ctx, id);
  },

  'guests.update': async (ctx, { id, ...input }) => {
    const before = await activeGuest(ctx.db, id);
    const sealing = input.phone !== null || input.idNumber !== undefined ? await keys(ctx) : null;
    await ctx.db
      .updateTable('guest')
      .set({
        ...columns({ ...input, idNumber: input.idNumber ?? null }),
        ...(sealing ? sealPhone(sealing, input.phone) : NO_PHONE),
        // An ID number left out keeps the one on file.
        ...(sealing && input.idNumber !== undefined && sealIdNumber(sealing, input.idNumber)),
        temporary: 0,
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    const after = await activeGuest(ctx.db, id);
    ctx.audit({
      entityType: 'guest',
      entityId: id,
      before: { name: before.name, phone: before.phone_masked },
      after: { name: after.name, phone: after.phone_masked },
    });
    return toProfile(ctx, id);
  },

  'guests.get': async (ctx, { id }) => toProfile(ctx, id),

  'guests.duplicates': async (ctx, { phone, idNumber }) => (await duplicates(ctx, phone, idNumber)).map(guestSummary),

  'guests.revealId': async (ctx, { id }) => {
    const row = await activeGuest(ctx.db, id);
    const idNumber = row.id_number_sealed === null ? null : openIdNumber(await keys(ctx), row);
    ctx.audit({ entityType: 'guest', entityId: id, after: { revealed: 'idNumber', customerNo: row.customer_no } });
    return { idNumber };
  },
};
