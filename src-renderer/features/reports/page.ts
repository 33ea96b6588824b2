/** The reports screen as the shell needs it: a hash route, the page, who may open it and the nav icon (label: nav.reports). */
import type { ComponentType } from 'react';
import { IconReportAnalytics, type Icon } from '@tabler/icons-react';
import type { Permission } from '@shared/permissions';
import { ReportsPage } from './ReportsPage';

export const REPORTS_PAGE: {
  route: 'reports';
  component: ComponentType;
  anyOf: readonly Permission[];
  icon: Icon;
} = {
  route: 'reports',
  component: ReportsPage,
  anyOf: ['reports.view'],
  icon: IconReportAnalytics,
};
