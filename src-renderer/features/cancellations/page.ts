/** The cancellations screen as the shell needs it: a hash route, the page, who may open it and the nav icon (label: nav.cancellations). */
import type { ComponentType } from 'react';
import { IconReceiptRefund, type Icon } from '@tabler/icons-react';
import type { Permission } from '@shared/permissions';
import { CancellationsPage } from './CancellationsPage';

export const CANCELLATIONS_PAGE: {
  route: 'cancellations';
  component: ComponentType;
  anyOf: readonly Permission[];
  icon: Icon;
} = {
  route: 'cancellations',
  component: CancellationsPage,
  anyOf: ['bookings.view'],
  icon: IconReceiptRefund,
};
