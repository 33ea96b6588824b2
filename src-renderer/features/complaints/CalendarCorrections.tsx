/**
 * The admins' corrections of the working calendar: each date made a working day or a day off
 * against the official calendar (the chinese-days package), which the form shows for the date
 * picked, so nobody corrects a day into what it already is without seeing so.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Input,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type WorkingDayCorrection } from '@shared/contract';
import { chineseWorkingCalendar } from '@shared/rules/working-calendar';
import { useCall, useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { FormError } from '../../ui/FormError';
import { QueryState } from '../../ui/QueryState';
import { useFormCall } from '../../ui/use-form-submit';
import { DateField } from '../../ui/DateField';

/** The package's calendar alone, without the property's corrections. */
const official = chineseWorkingCalendar();
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function useDayWords() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  return {
    kind: (working: boolean) => t(`complaints.policy.kinds.${working ? 'working' : 'off'}`),
    weekday: (date: string) =>
      new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)),
  };
}

type AddValues = { date: string; working: boolean; note: string };

function AddCorrection() {
  const { t } = useTranslation();
  const words = useDayWords();
  const form = useForm<AddValues>({
    initialValues: { date: '', working: false, note: '' },
    validate: zod4Resolver(operations['complaints.correctCalendar'].input),
  });
  const add = useFormCall(form, 'complaints.correctCalendar', {
    input: (values: AddValues) => values,
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: t('complaints.policy.added', { date: form.values.date, kind: words.kind(form.values.working) }),
      });
      form.reset();
    },
    fieldLabels: { date: t('complaints.policy.date'), note: t('complaints.policy.note') },
  });
  const { date, working } = form.values;
  const officially = isDate(date) ? official.isWorkingDay(date) : null;
  return (
    <form noValidate onSubmit={add.onSubmit}>
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <DateField
            clearable
            label={t('complaints.policy.date')}
            w={160}
            data-testid="calendar-date"
            {...form.getInputProps('date')}
          />
          <Input.Wrapper label={t('complaints.policy.kind')}>
            <SegmentedControl
              display="flex"
              value={working ? 'working' : 'off'}
              onChange={(value) => form.setFieldValue('working', value === 'working')}
              data={[
                { value: 'off', label: words.kind(false) },
                { value: 'working', label: words.kind(true) },
              ]}
              data-testid="calendar-kind"
            />
          </Input.Wrapper>
          <TextInput
            label={t('complaints.policy.note')}
            placeholder={t('complaints.policy.notePlaceholder')}
            style={{ flex: 1 }}
            miw={180}
            data-testid="calendar-note"
            {...form.getInputProps('note')}
          />
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.pending} data-testid="calendar-add">
            {t('complaints.policy.add')}
          </Button>
        </Group>
        {officially !== null && (
          <Text size="sm" c={officially === working ? 'orange' : 'dimmed'} data-testid="calendar-official">
            {t('complaints.policy.packageSays', { date, weekday: words.weekday(date), kind: words.kind(officially) })}
            {officially === working && ` · ${t('complaints.policy.sameAsPackage')}`}
          </Text>
        )}
        <FormError message={add.error} testId="calendar-add-error" />
      </Stack>
    </form>
  );
}

function CorrectionList({ corrections }: { corrections: WorkingDayCorrection[] }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const words = useDayWords();
  const remove = useMutate('complaints.correctCalendar', {
    onSuccess: (_list, input) =>
      notifications.show({ color: 'teal', message: t('complaints.policy.removed', { date: input?.date ?? '' }) }),
    onError: (thrown) => notifications.show({ color: 'red', message: message(thrown) }),
  });
  return (
    <DataTable
      minWidth={560}
      data-testid="calendar-corrections"
      columns={[
        t('complaints.policy.date'),
        t('complaints.policy.kind'),
        t('complaints.policy.packageColumn'),
        t('complaints.policy.note'),
        <Table.Th key="remove" w={48} />,
      ]}
      emptyText={t('complaints.policy.empty')}
      rows={corrections.map((correction) => (
        <Table.Tr key={correction.date} data-testid={`calendar-correction-${correction.date}`}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            {correction.date}{' '}
            <Text span size="sm" c="dimmed">
              {words.weekday(correction.date)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Badge color={correction.working ? 'blue' : 'orange'} variant="light">
              {words.kind(correction.working)}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Text size="sm" c="dimmed">
              {words.kind(official.isWorkingDay(correction.date))}
            </Text>
          </Table.Td>
          <Table.Td>{correction.note}</Table.Td>
          <Table.Td>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('complaints.policy.remove')}
              title={t('complaints.policy.remove')}
              loading={remove.isPending && remove.variables?.date === correction.date}
              onClick={() => remove.mutate({ date: correction.date, working: null, note: '' })}
              data-testid={`calendar-remove-${correction.date}`}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Table.Td>
        </Table.Tr>
      ))}
    />
  );
}

export function CalendarCorrections() {
  const { t } = useTranslation();
  const corrections = useCall('complaints.calendar', { from: null });
  return (
    <Stack gap="sm">
      <div>
        <Title order={4} size="h5" mb={4}>
          {t('complaints.policy.calendarTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('complaints.policy.calendarHint')}
        </Text>
      </div>
      <AddCorrection />
      <QueryState query={corrections}>{(list) => <CorrectionList corrections={list} />}</QueryState>
    </Stack>
  );
}
