/**
 * Creating or editing a ticket product, its daily slots and its cancellation policy. The service knows a slot by its start
 * time: a slot whose start is kept keeps its sales; one with orders cannot be dropped.
 */
import { Input, NumberInput, SimpleGrid, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type TicketProduct } from '@shared/contract';
import { FREE_POLICY } from '@shared/rules/cancellation';
import { EditableRows } from '../../../ui/EditableRows';
import { ModalForm } from '../../../ui/ModalForm';
import { PolicyEditor } from '../../cancellations/PolicyEditor';
import { YuanInput } from '../../../ui/money';
import { useSetupSubmit } from './use-setup-submit';
import { TimeField } from '../../../ui/TimeField';

const MAX_SLOTS = 48;
const BLANK_SLOT = { startTime: '09:00', endTime: '10:00', capacity: 50 };

export function TicketProductForm({ product, onClose }: { product: TicketProduct | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      id: product?.id,
      code: product?.code ?? '',
      name: product?.name ?? '',
      priceFen: product?.priceFen ?? 0,
      // A new product starts free to cancel, as the service would default it.
      cancellationPolicy: product?.cancellationPolicy ?? FREE_POLICY,
      slots: (product?.slots ?? [BLANK_SLOT]).map(({ startTime, endTime, capacity }) => ({
        startTime,
        endTime,
        capacity,
      })),
    },
    validate: zod4Resolver(operations['ticketProducts.save'].input),
  });
  const save = useSetupSubmit(form, 'ticketProducts.save', onClose);
  const slots = form.values.slots;

  return (
    <ModalForm
      onSubmit={save.onSubmit}
      onCancel={onClose}
      error={save.error}
      pending={save.pending}
      errorTestId="ticket-product-form-error"
      submitTestId="ticket-product-form-submit"
    >
      <SimpleGrid cols={3}>
        <TextInput
          label={t('inventory.setup.code')}
          description={t('inventory.setup.codeHint')}
          data-autofocus
          data-testid="ticket-product-form-code"
          {...form.getInputProps('code')}
        />
        <TextInput
          label={t('inventory.setup.name')}
          data-testid="ticket-product-form-name"
          {...form.getInputProps('name')}
        />
        <YuanInput
          label={t('inventory.setup.ticketPrice')}
          data-testid="ticket-product-form-price"
          {...form.getInputProps('priceFen')}
        />
      </SimpleGrid>
      <Input.Wrapper label={t('inventory.setup.slots')} description={t('inventory.setup.slotsHint')}>
        <EditableRows
          count={slots.length}
          minRows={1}
          maxRows={MAX_SLOTS}
          testId="slot-rows"
          rowTestId={(i) => `slot-row-${i}`}
          header={
            <>
              <Table.Th>{t('inventory.setup.startTime')}</Table.Th>
              <Table.Th>{t('inventory.setup.endTime')}</Table.Th>
              <Table.Th>{t('inventory.setup.slotCapacity')}</Table.Th>
            </>
          }
          cells={(i) => (
            <>
              <Table.Td>
                <TimeField
                  aria-label={t('inventory.setup.startTime')}
                  {...form.getInputProps(`slots.${i}.startTime`)}
                />
              </Table.Td>
              <Table.Td>
                <TimeField aria-label={t('inventory.setup.endTime')} {...form.getInputProps(`slots.${i}.endTime`)} />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  min={1}
                  max={100_000}
                  allowDecimal={false}
                  aria-label={t('inventory.setup.slotCapacity')}
                  {...form.getInputProps(`slots.${i}.capacity`)}
                />
              </Table.Td>
            </>
          )}
          removeLabel={t('inventory.setup.removeSlot')}
          onRemove={(i) => form.removeListItem('slots', i)}
          addLabel={t('inventory.setup.addSlot')}
          addTestId="slot-add"
          // A new slot is blank but sized like the last one, the usual case for a day of equal slots.
          onAdd={() =>
            form.insertListItem('slots', {
              ...BLANK_SLOT,
              capacity: slots.at(-1)?.capacity ?? BLANK_SLOT.capacity,
              startTime: '',
              endTime: '',
            })
          }
        />
      </Input.Wrapper>
      <PolicyEditor
        value={form.values.cancellationPolicy}
        onChange={(policy) => form.setFieldValue('cancellationPolicy', policy)}
        subject="visit"
        errors={form.errors}
        path="cancellationPolicy"
      />
    </ModalForm>
  );
}
