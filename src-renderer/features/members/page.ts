/** The members screen as the shell needs it: a hash route, the page, who may open it and the nav icon (label: nav.members). */
import type { ComponentType } from 'react';
import { IconIdBadge2, type Icon } from '@tabler/icons-react';
import type { Permission } from '@shared/permissions';
import { MembersPage } from './MembersPage';

export const MEMBERS_PAGE: { route: 'members'; component: ComponentType; anyOf: readonly Permission[]; icon: Icon } = {
  route: 'members',
  component: MembersPage,
  anyOf: ['guests.view'],
  icon: IconIdBadge2,
};
