/** 档案设置 on the settings page: the size limit, the contracts' naming rule (with its example), the expiry reminder, the work records' retention and how long a password confirmation opens customer documents. */
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { archivePolicySchema, NAMING_RULES } from '@shared/contract/archive';
import { namingExample } from '@shared/rules/archive-naming';
import { useCall } from '../../api/use-call';
import { FormError } from '../../ui/FormError';
import { QueryState } from '../../ui/QueryState';
import { useFormCall } from '../../ui/use-form-submit';

export function ArchivePolicyEditor() {
  const policy = useCall('archive.policy', {});
  return <QueryState query={policy}>{(loaded) => <PolicyForm policy={loaded} />}</QueryState>;
}

/** The policy as the form holds it (a type alias, which Mantine's resolver types accept). */
type PolicyValues = z.infer<typeof archivePolicySchema>;

function PolicyForm({ policy }: { policy: PolicyValues }) {
  const { t } = useTranslation();
  const form = useForm<PolicyValues>({ initialValues: policy, validate: zod4Resolver(archivePolicySchema) });
  const labels = {
    maxFileMb: t('archive.policy.maxFileMb'),
    naming: t('archive.policy.naming'),
    expiryReminderDays: t('archive.policy.expiryReminderDays'),
    retentionYears: t('archive.policy.retentionYears'),
    confirmMinutes: t('archive.policy.confirmMinutes'),
  };
  const save = useFormCall(form, 'archive.setPolicy', {
    input: (values) => values,
    fieldLabels: labels,
    onSuccess: (saved) => {
      form.setInitialValues(saved);
      form.setValues(saved);
      notifications.show({ color: 'teal', message: t('archive.policy.saved') });
    },
  });
  const number = (field: Exclude<keyof PolicyValues, 'naming'>, min: number, max: number) => (
    <NumberInput
      label={labels[field]}
      min={min}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      data-testid={`archive-policy-${field}`}
      {...form.getInputProps(field)}
    />
  );
  return (
    <form noValidate onSubmit={save.onSubmit}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={labels.naming}
            allowDeselect={false}
            data={NAMING_RULES.map((value) => ({ value, label: t(`archive.naming.rules.${value}`) }))}
            description={t('archive.policy.example', { example: namingExample(form.values.naming) })}
            data-testid="archive-policy-naming"
            {...form.getInputProps('naming')}
          />
          {number('maxFileMb', 1, 200)}
          {number('expiryReminderDays', 1, 365)}
          {number('retentionYears', 1, 30)}
          {number('confirmMinutes', 1, 60)}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('archive.policy.hint')}
        </Text>
        <FormError message={save.error} testId="archive-policy-error" />
        <Group justify="flex-end">
          <Button type="submit" loading={save.pending} disabled={!form.isDirty()} data-testid="archive-policy-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
