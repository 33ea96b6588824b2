/** Property settings (name, zone, currency, idle lock); the backups have their own (backup/handlers.ts). */
import { loadProperty } from '../auth/session-info';
import type { HandlerMap } from '../rpc/handler';

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
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', before.id)
      .execute();
    const after = await loadProperty(ctx.db);
    ctx.audit({ entityType: 'property', entityId: before.id, before, after });
    return after;
  },
};
