/** Property settings (name, zone, currency, idle lock, address and phone, check-in and check-out times); the backups have their own (backup/handlers.ts). */
import { loadProperty } from '../auth/session-info';
import type { HandlerMap } from '../rpc/handler';
import { writeSetting } from './values';

export const settingsHandlers: HandlerMap<'property.update'> = {
  'property.update': async (ctx, input) => {
    const before = await loadProperty(ctx.db);
    await ctx.db
      .updateTable('property')
      .set({
        name: input.name,
        time_zone: input.timeZone,
        currency: input.currency,
        idle_lock_minutes: input.idleLockMinutes,
        max_stay_nights: input.maxStayNights,
        ...(input.address !== undefined && { address: input.address }),
        ...(input.phone !== undefined && { phone: input.phone }),
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', before.id)
      .execute();
    if (input.checkInTime) await writeSetting(ctx.db, 'checkInTime', input.checkInTime);
    if (input.checkOutTime) await writeSetting(ctx.db, 'checkOutTime', input.checkOutTime);
    const after = await loadProperty(ctx.db);
    ctx.audit({ entityType: 'property', entityId: before.id, before, after });
    return after;
  },
};
