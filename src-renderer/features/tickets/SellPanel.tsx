/**
 * 售票: product, visit date (the business date by default), a slot, the visitors by real name,
 * the total, then 出票. A refused sale (SLOT_FULL, DATE_CLOSED) leaves the form as it was and
 * reloads the slots, whose figures the refusal proved stale.
 */
import { useState } from 'react';
import { Button, Grid, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { IconTicket } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TicketOrder, TicketProduct } from '@shared/contract';
import { FormError } from '../../ui/FormError';
import { useFormCall } from '../../ui/use-form-submit';
import { useMoney } from '../../ui/money';
import { invalidate } from '../../api/query-client';
import { OrderSummary } from './OrderSummary';
import { blankVisitor, useSaleForm } from './sale-form';
import { SlotCards } from './SlotCards';
import { VisitorsTable } from './VisitorsTable';
import { useCall } from '../../api/use-call';
import { DateField } from '../../ui/DateField';

export function SellPanel({ products, businessDate }: { products: TicketProduct[]; businessDate: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const client = useQueryClient();
  const form = useSaleForm(products[0]?.id ?? '', businessDate);
  const [sold, setSold] = useState<TicketOrder | null>(null);
  const { productId, visitDate, slotId, visitors } = form.values;
  const product = products.find((p) => p.id === productId);

  const slots = useCall(
    'tickets.availability',
    { productId, visitDate },
    { enabled: productId !== '' && /^\d{4}-\d{2}-\d{2}$/.test(visitDate) },
  );

  const sell = useFormCall(form, 'tickets.sell', {
    input: (values) => values,
    onSuccess: (order) => {
      setSold(order);
      // The next party most often wants the same visit, so only the visitors are cleared.
      form.setFieldValue('visitors', [blankVisitor()]);
    },
    // Refused (most often sold out meanwhile): show the places as they are now.
    onError: () => invalidate(client, ['tickets.availability']),
    fieldLabels: {
      visitDate: t('inventory.tickets.visitDate'),
      slotId: t('inventory.tickets.slot'),
      productId: t('inventory.tickets.product'),
    },
  });

  /** A different product or day has different slots. */
  const changeVisit = (field: 'productId' | 'visitDate', value: string) => {
    form.setFieldValue(field, value);
    form.setFieldValue('slotId', '');
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form noValidate onSubmit={sell.onSubmit}>
          <Stack gap="sm">
            <Group grow align="flex-start">
              <Select
                label={t('inventory.tickets.product')}
                allowDeselect={false}
                data={products.map((p) => ({ value: p.id, label: `${p.name} · ${money(p.priceFen)}` }))}
                value={productId}
                onChange={(value) => value && changeVisit('productId', value)}
                error={form.errors['productId']}
                data-testid="sell-product"
              />
              <DateField
                label={t('inventory.tickets.visitDate')}
                minDate={businessDate}
                value={visitDate}
                onChange={(date) => changeVisit('visitDate', date)}
                error={form.errors['visitDate']}
                data-testid="sell-date"
              />
            </Group>
            <Text size="sm" fw={500}>
              {t('inventory.tickets.slot')}
            </Text>
            {slots.isFetching && !slots.data && <Loader size="sm" />}
            {slots.data && (
              <SlotCards slots={slots.data} selected={slotId} onSelect={(id) => form.setFieldValue('slotId', id)} />
            )}
            {form.errors['slotId'] && (
              <Text size="sm" c="red" data-testid="sell-slot-error">
                {t('inventory.tickets.chooseSlot')}
              </Text>
            )}
            <VisitorsTable form={form} />
            <FormError message={sell.error} testId="sell-error" />
            <Group justify="space-between">
              <Text fw={600} data-testid="sell-total">
                {t('inventory.tickets.total', {
                  count: visitors.length,
                  amount: money((product?.priceFen ?? 0) * visitors.length),
                })}
              </Text>
              <Button
                type="submit"
                size="md"
                leftSection={<IconTicket size={18} />}
                loading={sell.pending}
                data-testid="sell-submit"
              >
                {t('inventory.tickets.issue')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        {sold ? (
          <Stack gap="xs">
            <Text fw={600} c="teal">
              {t('inventory.tickets.issued')}
            </Text>
            <OrderSummary order={sold} testId="sold-order" />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('inventory.tickets.noSaleYet')}
          </Text>
        )}
      </Grid.Col>
    </Grid>
  );
}
