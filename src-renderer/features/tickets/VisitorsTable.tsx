/**
 * The visitors of a sale, one real name and ID each. Enter in the last ID number adds the next
 * visitor (and the new row takes the focus), so a queue can be typed without the mouse; Enter
 * never submits from here, since a half-typed party must not be sold by accident.
 */
import type { KeyboardEvent } from 'react';
import { Select, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ID_TYPES } from '@shared/contract';
import { EditableRows } from '../../ui/EditableRows';
import { blankVisitor, type SaleValues } from './sale-form';

const MAX_VISITORS = 50;

export function VisitorsTable({ form }: { form: UseFormReturnType<SaleValues> }) {
  const { t } = useTranslation();
  const visitors = form.values.visitors;
  const idTypes = ID_TYPES.map((type) => ({ value: type, label: t(`inventory.idTypes.${type}`) }));
  const add = () => visitors.length < MAX_VISITORS && form.insertListItem('visitors', blankVisitor());

  /** Enter in a visitor field: never a submit; in the last row's ID number, the next visitor. */
  const onEnter = (addsRow: boolean) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (addsRow) add();
  };

  return (
    <EditableRows
      count={visitors.length}
      minRows={1}
      maxRows={MAX_VISITORS}
      testId="visitors-table"
      rowTestId={(i) => `visitor-row-${i}`}
      header={
        <>
          <Table.Th w={36}>#</Table.Th>
          <Table.Th>{t('inventory.tickets.visitorName')}</Table.Th>
          <Table.Th w={170}>{t('inventory.tickets.idType')}</Table.Th>
          <Table.Th>{t('inventory.tickets.idNumber')}</Table.Th>
        </>
      }
      cells={(i) => (
        <>
          <Table.Td>
            <Text size="sm" c="dimmed">
              {i + 1}
            </Text>
          </Table.Td>
          <Table.Td>
            {/* A row added by keyboard mounts focused, so typing goes on in the new row. */}
            <TextInput
              autoFocus={i > 0}
              autoComplete="off"
              aria-label={t('inventory.tickets.visitorName')}
              onKeyDown={onEnter(false)}
              data-testid={`visitor-${i}-name`}
              {...form.getInputProps(`visitors.${i}.name`)}
            />
          </Table.Td>
          <Table.Td>
            <Select
              allowDeselect={false}
              data={idTypes}
              aria-label={t('inventory.tickets.idType')}
              data-testid={`visitor-${i}-id-type`}
              {...form.getInputProps(`visitors.${i}.idType`)}
            />
          </Table.Td>
          <Table.Td>
            <TextInput
              autoComplete="off"
              aria-label={t('inventory.tickets.idNumber')}
              onKeyDown={onEnter(i === visitors.length - 1)}
              data-testid={`visitor-${i}-id-number`}
              {...form.getInputProps(`visitors.${i}.idNumber`)}
            />
          </Table.Td>
        </>
      )}
      removeLabel={t('inventory.tickets.removeVisitor')}
      removeTestId={(i) => `visitor-${i}-remove`}
      onRemove={(i) => form.removeListItem('visitors', i)}
      addLabel={t('inventory.tickets.addVisitor')}
      addTestId="visitor-add"
      onAdd={add}
      hint={
        <Text size="xs" c="dimmed">
          {t('inventory.tickets.enterHint')}
        </Text>
      }
    />
  );
}
