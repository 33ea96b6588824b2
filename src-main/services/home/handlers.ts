/** The home screen's one query: the sections the signed-in person's role shows, each behind the permission of its page. */
import type { HomeToday } from '@shared/contract/home';
import { businessDate } from '../business-date';
import { grantsOf } from '../permissions';
import type { HandlerMap } from '../rpc/handler';
import { homeDesk, homeHouse, homeOverview, homeTasks, layoutOf } from './today';

export const homeHandlers: HandlerMap<'home.today'> = {
  'home.today': async (ctx): Promise<HomeToday> => {
    const { role } = ctx.session;
    const grants = await grantsOf(ctx.db, role);
    const can = (permission: Parameters<typeof grants.has>[0]) => grants.has(permission);
    const layout = layoutOf(role);
    const today = await businessDate(ctx.db, ctx.now);
    const atDesk = layout !== 'admin';
    return {
      layout,
      role,
      businessDate: today,
      desk: atDesk && can('bookings.view') ? await homeDesk(ctx) : null,
      tasks: atDesk && can('complaints.handle') ? await homeTasks(ctx) : null,
      overview: layout === 'manager' ? await homeOverview(ctx, can, today) : null,
      house: layout === 'admin' ? await homeHouse(ctx, can) : null,
    };
  },
};
