/**
 * The inventory screens as the shell needs them: a hash route, the page, who may open it and the
 * nav icon. Nav labels are `nav.<route>` in the main catalogs.
 */
import type { ComponentType } from 'react';
import {
  IconSpray,
  IconCalendarStats,
  IconLayoutKanban,
  IconSettingsDollar,
  IconTicket,
  type Icon,
} from '@tabler/icons-react';
import type { Permission } from '@shared/permissions';
import { AvailabilityPage } from './availability/AvailabilityPage';
import { RackPage } from './availability/RackPage';
import { HousekeepingPage } from './housekeeping/HousekeepingPage';
import { SetupPage } from './setup/SetupPage';
import { TicketsPage } from '../tickets/TicketsPage';

export interface InventoryPage {
  route: 'availability' | 'rack' | 'housekeeping' | 'tickets' | 'setup';
  component: ComponentType;
  /** Any one of these opens the page (each page's own reads need it). */
  anyOf: readonly Permission[];
  icon: Icon;
}

export const INVENTORY_PAGES: readonly InventoryPage[] = [
  { route: 'availability', component: AvailabilityPage, anyOf: ['bookings.view'], icon: IconCalendarStats },
  { route: 'rack', component: RackPage, anyOf: ['bookings.view'], icon: IconLayoutKanban },
  { route: 'housekeeping', component: HousekeepingPage, anyOf: ['bookings.view'], icon: IconSpray },
  { route: 'tickets', component: TicketsPage, anyOf: ['tickets.sell', 'tickets.redeem'], icon: IconTicket },
  { route: 'setup', component: SetupPage, anyOf: ['inventory.manage'], icon: IconSettingsDollar },
];
