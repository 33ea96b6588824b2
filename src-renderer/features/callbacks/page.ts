/** The call-back screen as the shell needs it: a hash route, the page, who may open it and the nav icon (label: nav.callbacks). */
import type { ComponentType } from 'react';
import { IconPhoneCall, type Icon } from '@tabler/icons-react';
import type { Permission } from '@shared/permissions';
import { CallbacksNavBadge } from './CallbacksNavBadge';
import { CallbacksPage } from './CallbacksPage';

export const CALLBACKS_PAGE: {
  route: 'callbacks';
  component: ComponentType;
  anyOf: readonly Permission[];
  icon: Icon;
  badge: ComponentType;
} = {
  route: 'callbacks',
  component: CallbacksPage,
  anyOf: ['complaints.handle'],
  icon: IconPhoneCall,
  badge: CallbacksNavBadge,
};
