/** A rate plan's prices: per row a room type, a date range, the weekdays it applies to and the nightly price. */
import { Select, Table } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RoomType } from '@shared/contract';
import { EditableRows } from '../../../ui/EditableRows';
import { YuanInput } from '../../../ui/money';
import { nextPrice, type RatePlanValues } from './rate-plan-form';
import { WeekdayChips } from './WeekdayChips';
import { DateField } from '../../../ui/DateField';

const MAX_PRICES = 500;

export function PriceRows({
  form,
  roomTypes,
  today,
}: {
  form: UseFormReturnType<RatePlanValues>;
  roomTypes: RoomType[];
  today: string;
}) {
  const { t } = useTranslation();
  const prices = form.values.prices;
  const types = roomTypes.map((type) => ({ value: type.id, label: type.name }));
  return (
    <EditableRows
      count={prices.length}
      maxRows={MAX_PRICES}
      minWidth={820}
      testId="price-rows"
      rowTestId={(i) => `price-row-${i}`}
      header={
        <>
          <Table.Th w={150}>{t('inventory.setup.roomType')}</Table.Th>
          <Table.Th w={170}>{t('inventory.setup.startDate')}</Table.Th>
          <Table.Th w={170}>{t('inventory.setup.endDate')}</Table.Th>
          <Table.Th>{t('inventory.setup.weekdays')}</Table.Th>
          <Table.Th w={120}>{t('inventory.setup.price')}</Table.Th>
        </>
      }
      cells={(i) => (
        <>
          <Table.Td>
            <Select
              allowDeselect={false}
              data={types}
              aria-label={t('inventory.setup.roomType')}
              {...form.getInputProps(`prices.${i}.roomTypeId`)}
            />
          </Table.Td>
          <Table.Td>
            <DateField
              aria-label={t('inventory.setup.startDate')}
              data-testid={`price-row-${i}-start`}
              {...form.getInputProps(`prices.${i}.startDate`)}
            />
          </Table.Td>
          <Table.Td>
            <DateField
              aria-label={t('inventory.setup.endDate')}
              data-testid={`price-row-${i}-end`}
              {...form.getInputProps(`prices.${i}.endDate`)}
            />
          </Table.Td>
          <Table.Td>
            <WeekdayChips testId={`price-row-${i}-weekdays`} {...form.getInputProps(`prices.${i}.weekdays`)} />
          </Table.Td>
          <Table.Td>
            <YuanInput
              aria-label={t('inventory.setup.price')}
              data-testid={`price-row-${i}-price`}
              {...form.getInputProps(`prices.${i}.priceFen`)}
            />
          </Table.Td>
        </>
      )}
      removeLabel={t('inventory.setup.removePrice')}
      onRemove={(i) => form.removeListItem('prices', i)}
      addLabel={t('inventory.setup.addPrice')}
      addTestId="price-add"
      addDisabled={roomTypes.length === 0}
      onAdd={() => form.insertListItem('prices', nextPrice(prices, roomTypes[0]?.id ?? '', today))}
    />
  );
}
