/** 房型与价格: what the property sells — room types, rooms, rate plans, closed dates, ticket products. */
import { Tabs } from '@mantine/core';
import { IconBed, IconCalendarOff, IconDoor, IconReceipt2, IconTicket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader';
import { ClosedDatesTab } from './ClosedDatesTab';
import { RatePlansTab } from './RatePlansTab';
import { RoomsTab } from './RoomsTab';
import { RoomTypesTab } from './RoomTypesTab';
import { TicketProductsTab } from './TicketProductsTab';

const TABS = [
  { value: 'roomTypes', icon: IconBed, Panel: RoomTypesTab },
  { value: 'rooms', icon: IconDoor, Panel: RoomsTab },
  { value: 'ratePlans', icon: IconReceipt2, Panel: RatePlansTab },
  { value: 'closedDates', icon: IconCalendarOff, Panel: ClosedDatesTab },
  { value: 'ticketProducts', icon: IconTicket, Panel: TicketProductsTab },
] as const;

export function SetupPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.setup')} />
      {/* Only the open tab is mounted, so a tab's lists load when it is first looked at. */}
      <Tabs defaultValue="roomTypes" keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map(({ value, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />} data-testid={`setup-tab-${value}`}>
              {t(`inventory.setup.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Panel />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
