/** The audit filters: operation, actor, outcome and a date range in the property's calendar. */
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AUDIT_OUTCOMES, type AuditOutcome } from '@shared/contract';
import { DateField } from '../../ui/DateField';

export interface AuditFilterValues {
  operation: string;
  actor: string;
  outcome: AuditOutcome | '';
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = { operation: '', actor: '', outcome: '', from: '', to: '' };

export function AuditFilters({ onApply }: { onApply: (values: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: EMPTY_FILTERS });
  return (
    <form noValidate onSubmit={form.onSubmit(onApply)} data-testid="audit-filters">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('audit.operation')}
          w={170}
          data-autofocus
          data-testid="audit-filter-operation"
          {...form.getInputProps('operation')}
        />
        <TextInput label={t('audit.actor')} w={140} data-testid="audit-filter-actor" {...form.getInputProps('actor')} />
        <Select
          label={t('audit.outcome')}
          w={120}
          data={[
            { value: '', label: t('audit.outcomeAll') },
            ...AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) })),
          ]}
          allowDeselect={false}
          data-testid="audit-filter-outcome"
          {...form.getInputProps('outcome')}
        />
        <DateField
          clearable
          label={t('audit.from')}
          w={170}
          data-testid="audit-filter-from"
          {...form.getInputProps('from')}
        />
        <DateField
          clearable
          label={t('audit.to')}
          w={170}
          data-testid="audit-filter-to"
          {...form.getInputProps('to')}
        />
        <Button type="submit" leftSection={<IconSearch size={16} />} data-testid="audit-search">
          {t('common.search')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            form.reset();
            onApply(EMPTY_FILTERS);
          }}
        >
          {t('common.reset')}
        </Button>
      </Group>
    </form>
  );
}
