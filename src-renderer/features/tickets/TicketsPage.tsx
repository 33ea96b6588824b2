/** 门票: selling timed tickets and redeeming them at the gate, each shown to those allowed. */
import { Alert, Loader, Tabs } from '@mantine/core';
import { IconScan, IconTicket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/errors';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../../api/session';
import { useBusinessDate } from '../bookings/business-day';
import { RedeemPanel } from './RedeemPanel';
import { SellPanel } from './SellPanel';
import { useCall } from '../../api/use-call';

function Sell() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const products = useCall('ticketProducts.list', {});
  const businessDate = useBusinessDate();
  if (products.isError) return <Alert color="red">{message(products.error)}</Alert>;
  if (!products.data || !businessDate) return <Loader size="sm" />;
  if (products.data.length === 0) return <Alert color="gray">{t('inventory.tickets.noProducts')}</Alert>;
  return <SellPanel products={products.data} businessDate={businessDate} />;
}

export function TicketsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const maySell = can('tickets.sell');
  return (
    <>
      <PageHeader title={t('nav.tickets')} />
      <Tabs defaultValue={maySell ? 'sell' : 'redeem'}>
        <Tabs.List mb="md">
          {maySell && (
            <Tabs.Tab value="sell" leftSection={<IconTicket size={16} />} data-testid="tickets-tab-sell">
              {t('inventory.tickets.sellTab')}
            </Tabs.Tab>
          )}
          {can('tickets.redeem') && (
            <Tabs.Tab value="redeem" leftSection={<IconScan size={16} />} data-testid="tickets-tab-redeem">
              {t('inventory.tickets.redeemTab')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="sell">
          <Sell />
        </Tabs.Panel>
        <Tabs.Panel value="redeem">
          <RedeemPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
