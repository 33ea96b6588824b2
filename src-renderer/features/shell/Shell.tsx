/** The signed-in app: header, a navbar of the pages the role may open, and the current page. */
import type { ComponentType } from 'react';
import { AppShell, NavLink, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApprovalsPage } from '../approvals/ApprovalsPage';
import { PolicyPage } from '../approvals/PolicyPage';
import { AuditPage } from '../audit/AuditPage';
import { useSession } from '../../api/session';
import { DeskOverlays } from '../bookings/DeskOverlays';
import { DeskPage } from '../bookings/DeskPage';
import { VoucherPage } from '../bookings/print/VoucherPage';
import { GuestsPage } from '../guests/GuestsPage';
import { CANCELLATIONS_PAGE } from '../cancellations/page';
import { HomePage } from '../home/HomePage';
import { INVENTORY_PAGES, type InventoryPage } from '../inventory/pages';
import { MEMBERS_PAGE } from '../members/page';
import { COMPLAINTS_PAGE } from '../complaints/page';
import { CALLBACKS_PAGE } from '../callbacks/page';
import { REPORTS_PAGE } from '../reports/page';
import { ARCHIVE_PAGE } from '../archive/page';
import { PermissionsPage } from '../permissions/PermissionsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { StaffPage } from '../staff/StaffPage';
import { CONFLICTS_PAGE } from '../sync/page';
import { mayOpen, NAV_ITEMS } from './nav';
import { hrefOf, usePrintLayout, useRoute, type PrintLayout, type Route } from './router';
import { ShellHeader } from './ShellHeader';
import { useIdleLock } from './useIdleLock';
import { VaultLockedAlert } from '../vault/VaultLockedAlert';
import { useBusinessDate } from '../bookings/business-day';
import { DateFieldOpensOn } from '../../ui/DateField';

const PAGES: Record<Route, ComponentType> = {
  home: HomePage,
  desk: DeskPage,
  guests: GuestsPage,
  approvals: ApprovalsPage,
  staff: StaffPage,
  permissions: PermissionsPage,
  audit: AuditPage,
  'approval-policy': PolicyPage,
  settings: SettingsPage,
  cancellations: CANCELLATIONS_PAGE.component,
  members: MEMBERS_PAGE.component,
  complaints: COMPLAINTS_PAGE.component,
  callbacks: CALLBACKS_PAGE.component,
  conflicts: CONFLICTS_PAGE.component,
  reports: REPORTS_PAGE.component,
  archive: ARCHIVE_PAGE.component,
  ...(Object.fromEntries(INVENTORY_PAGES.map((page) => [page.route, page.component])) as Record<
    InventoryPage['route'],
    ComponentType
  >),
};

const PRINT_LAYOUTS: Record<PrintLayout, () => React.JSX.Element> = {
  voucher: VoucherPage,
};

/** The signed-in app, or a print layout alone (still signed in: the shell is only reached with a session). */
export function Shell() {
  const layout = usePrintLayout();
  if (layout) {
    const Layout = PRINT_LAYOUTS[layout];
    return <Layout />;
  }
  return <AppPages />;
}

function AppPages() {
  const { t } = useTranslation();
  const { permissions, property } = useSession();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const route = useRoute();
  useIdleLock(property.idleLockMinutes);
  const businessDate = useBusinessDate();

  const items = NAV_ITEMS.filter((item) => mayOpen(item, permissions));
  // A page the role may not open (an old link, a permission just revoked) falls back to home.
  const current = items.some((item) => item.route === route) ? route : 'home';
  const Page = PAGES[current];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <ShellHeader navOpened={navOpened} onToggleNav={toggleNav} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <ScrollArea>
          {items.map(({ route: target, icon: Icon, badge: Badge }) => (
            <NavLink
              key={target}
              href={hrefOf(target)}
              label={t(`nav.${target}`)}
              leftSection={<Icon size={18} stroke={1.6} />}
              rightSection={Badge && <Badge />}
              active={current === target}
              aria-current={current === target ? 'page' : undefined}
              onClick={closeNav}
              data-testid={`nav-${target}`}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <DateFieldOpensOn.Provider value={businessDate}>
        <AppShell.Main>
          <VaultLockedAlert />
          <Page />
        </AppShell.Main>
        <DeskOverlays />
      </DateFieldOpensOn.Provider>
    </AppShell>
  );
}
