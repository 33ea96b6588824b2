/** The conflicts screen as the shell needs it: a hash route, the page, who may open it, the nav icon and its badge (label: nav.conflicts). */
import type { ComponentType } from 'react';
import { IconArrowsExchange, type Icon } from '@tabler/icons-react';
import type { Permission } from '@shared/permissions';
import { ConflictsNavBadge } from './ConflictsNavBadge';
import { ConflictsPage } from './ConflictsPage';

export const CONFLICTS_PAGE: {
  route: 'conflicts';
  component: ComponentType;
  anyOf: readonly Permission[];
  icon: Icon;
  badge: ComponentType;
} = {
  route: 'conflicts',
  component: ConflictsPage,
  anyOf: [],
  icon: IconArrowsExchange,
  badge: ConflictsNavBadge,
};
