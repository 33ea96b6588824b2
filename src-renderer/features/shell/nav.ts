/** The pages of the signed-in app and who may open each. */
import type { ComponentType } from 'react';
import {
  IconAddressBook,
  IconChecklist,
  IconHotelService,
  IconHome,
  IconReportSearch,
  IconScale,
  IconSettings,
  IconShieldLock,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Permission } from '@shared/permissions';
import { ApprovalsNavBadge } from '../approvals/ApprovalsNavBadge';
import { ARCHIVE_PAGE } from '../archive/page';
import { CALLBACKS_PAGE } from '../callbacks/page';
import { CANCELLATIONS_PAGE } from '../cancellations/page';
import { COMPLAINTS_PAGE } from '../complaints/page';
import { INVENTORY_PAGES } from '../inventory/pages';
import { MEMBERS_PAGE } from '../members/page';
import { REPORTS_PAGE } from '../reports/page';
import { CONFLICTS_PAGE } from '../sync/page';
import type { Route } from './router';

export interface NavItem {
  route: Route;
  icon: Icon;
  /** Any one of these opens the page; empty means everyone. */
  anyOf: readonly Permission[];
  /** Shown at the item's right, e.g. how much waits there. */
  badge?: ComponentType;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'home', icon: IconHome, anyOf: [] },
  { route: 'desk', icon: IconHotelService, anyOf: ['bookings.view'] },
  ...INVENTORY_PAGES.filter((page) => page.route !== 'setup'),
  { route: 'guests', icon: IconAddressBook, anyOf: ['guests.view'] },
  MEMBERS_PAGE,
  COMPLAINTS_PAGE,
  CALLBACKS_PAGE,
  CANCELLATIONS_PAGE,
  REPORTS_PAGE,
  ARCHIVE_PAGE,
  { route: 'approvals', icon: IconChecklist, anyOf: [], badge: ApprovalsNavBadge },
  CONFLICTS_PAGE,
  { route: 'staff', icon: IconUsers, anyOf: ['staff.manage'] },
  { route: 'permissions', icon: IconShieldLock, anyOf: ['permissions.manage'] },
  { route: 'audit', icon: IconReportSearch, anyOf: ['audit.view'] },
  { route: 'approval-policy', icon: IconScale, anyOf: ['approvals.policy'] },
  ...INVENTORY_PAGES.filter((page) => page.route === 'setup'),
  { route: 'settings', icon: IconSettings, anyOf: ['settings.manage', 'backup.manage'] },
];

export function mayOpen(item: NavItem, permissions: readonly Permission[]): boolean {
  return item.anyOf.length === 0 || item.anyOf.some((permission) => permissions.includes(permission));
}
