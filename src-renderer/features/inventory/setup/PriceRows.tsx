/** A rate plan's prices: per row a room type, a date range, the weekdays it applies to and the nightly price. */
import { ActionIcon, Button, Select, Table, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RoomType } from '@shared/contract';
import { YuanInput } from '../money';
import { nextPrice, type RatePlanValues } from './rate-plan-form';
import { WeekdayChips } from './WeekdayChips';

const MAX_PRICES = 500;

export function PriceRows({ form, roomTypes, today }: { form: UseFormReturnType<RatePlanValues>; roomTypes: RoomType[]; today: string }) {
  const { t } = useTranslation();
  const prices = form.values.prices;
  const types = roomTypes.map((type) => ({ value: type.id, label: type.name }));
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing={4} data-testid="price-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('inventory.setup.roomType')}</Table.Th>
              <Table.Th w={150}>{t('inventory.setup.startDate')}</Table.Th>
              <Table.Th w={150}>{t('inventory.setup.endDate')}</Table.Th>
              <Table.Th>{t('inventory.setup.weekdays')}</Table.Th>
              <Table.Th w={120}>{t('inventory.setup.price')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {prices.map((_price, i) => (
              <Table.Tr key={i} data-testid={`price-row-${i}`}>
                <Table.Td>
                  <Select allowDeselect={false} data={types} aria-label={t('inventory.setup.roomType')} {...form.getInputProps(`prices.${i}.roomTypeId`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput type="date" aria-label={t('inventory.setup.startDate')} {...form.getInputProps(`prices.${i}.startDate`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput type="date" aria-label={t('inventory.setup.endDate')} {...form.getInputProps(`prices.${i}.endDate`)} />
                </Table.Td>
                <Table.Td>
                  <WeekdayChips testId={`price-row-${i}-weekdays`} {...form.getInputProps(`prices.${i}.weekdays`)} />
                </Table.Td>
                <Table.Td>
                  <YuanInput aria-label={t('inventory.setup.price')} data-testid={`price-row-${i}-price`} {...form.getInputProps(`prices.${i}.priceFen`)} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={t('inventory.setup.removePrice')} onClick={() => form.removeListItem('prices', i)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        disabled={prices.length >= MAX_PRICES || roomTypes.length === 0}
        onClick={() => form.insertListItem('prices', nextPrice(prices, roomTypes[0]?.id ?? '', today))}
        data-testid="price-add"
      >
        {t('inventory.setup.addPrice')}
      </Button>
    </>
  );
}
