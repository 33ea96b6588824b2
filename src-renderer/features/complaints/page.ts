/** The complaints screen as the shell needs it: a hash route, the page, who may open it, the nav icon (label: nav.complaints) and its badge. */
import type { ComponentType } from 'react';
import { IconMessageReport, type Icon } from '@tabler/icons-react';
import type { Permission } from '@shared/permissions';
import { ComplaintsNavBadge } from './ComplaintsNavBadge';
import { ComplaintsPage } from './ComplaintsPage';

export const COMPLAINTS_PAGE: {
  route: 'complaints';
  component: ComponentType;
  anyOf: readonly Permission[];
  icon: Icon;
  badge: ComponentType;
} = {
  route: 'complaints',
  component: ComplaintsPage,
  anyOf: ['complaints.handle'],
  icon: IconMessageReport,
  badge: ComplaintsNavBadge,
};
