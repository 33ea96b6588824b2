/** Dates closed for sale (rooms and tickets): the list, an add form with the reason, and removal. */
import { ActionIcon, Button, Group, Paper, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations } from '@shared/contract';
import { useErrorText } from '../../../i18n/errors';
import { DataTable } from '../../../ui/DataTable';
import { FormError } from '../../../ui/FormError';
import { useFormCall } from '../../../ui/use-form-submit';
import { useDayFormat } from '../day-format';
import { QueryState } from '../../../ui/QueryState';
import { useCall, useMutate } from '../../../api/use-call';
import { DateField } from '../../../ui/DateField';

function AddClosedDate() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { date: '', closed: true, reason: '' },
    validate: zod4Resolver(operations['closedDates.set'].input),
  });
  const add = useFormCall(form, 'closedDates.set', {
    input: (values) => values,
    onSuccess: () => {
      form.reset();
    },
    fieldLabels: { date: t('inventory.setup.date'), reason: t('inventory.setup.reason') },
  });
  return (
    <Paper withBorder p="sm" mb="sm">
      <form noValidate onSubmit={add.onSubmit}>
        <Group align="flex-start">
          <DateField
            label={t('inventory.setup.date')}
            w={180}
            data-testid="closed-date-date"
            {...form.getInputProps('date')}
          />
          <TextInput
            label={t('inventory.setup.reason')}
            placeholder={t('inventory.setup.reasonPlaceholder')}
            flex={1}
            data-testid="closed-date-reason"
            {...form.getInputProps('reason')}
          />
          <Button
            type="submit"
            mt={25}
            leftSection={<IconPlus size={16} />}
            loading={add.pending}
            data-testid="closed-date-add"
          >
            {t('inventory.setup.closeDate')}
          </Button>
        </Group>
        <FormError message={add.error} testId="closed-date-error" />
      </form>
    </Paper>
  );
}

export function ClosedDatesTab() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const day = useDayFormat();
  const closedDates = useCall('closedDates.list', {});
  const reopen = useMutate('closedDates.set', {
    onError: (thrown) => notifications.show({ color: 'red', message: message(thrown) }),
  });

  return (
    <>
      <AddClosedDate />
      <QueryState query={closedDates}>
        {(list) => (
          <DataTable
            minWidth={480}
            highlightOnHover={false}
            data-testid="closed-dates-table"
            columns={[t('inventory.setup.date'), t('inventory.setup.reason'), <Table.Th key="actions" w={60} />]}
            emptyText={t('inventory.setup.noClosedDates')}
            rows={list.map((entry) => (
              <Table.Tr key={entry.date} data-testid={`closed-date-row-${entry.date}`}>
                <Table.Td>{day.long(entry.date)}</Table.Td>
                <Table.Td>{entry.reason || t('common.empty')}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('inventory.setup.reopen', { date: day.long(entry.date) })}
                    loading={reopen.isPending && reopen.variables?.date === entry.date}
                    onClick={() => reopen.mutate({ date: entry.date, closed: false, reason: '' })}
                    data-testid={`closed-date-remove-${entry.date}`}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          />
        )}
      </QueryState>
    </>
  );
}
