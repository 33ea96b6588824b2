/** The approval policy (admins): amount tiers, a rule per approvable operation, paperwork days. */
import type { ReactNode } from 'react';
import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApprovalPolicy } from '@shared/contract';
import { useCall } from '../../api/use-call';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useFormCall } from '../../ui/use-form-submit';
import { toFormValues, toPolicyInput, type PolicyValues } from './policy-form';
import { PolicyRules } from './PolicyRules';
import { PolicyTiers } from './PolicyTiers';

/** One titled card of the policy, with a line on what it decides. */
function Section({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {hint}
      </Text>
      {children}
    </Card>
  );
}

function PolicyForm({ policy }: { policy: ApprovalPolicy }) {
  const { t } = useTranslation();
  const form = useForm<PolicyValues>({ initialValues: toFormValues(policy) });
  const save = useFormCall(form, 'approvals.setPolicy', {
    input: (values: PolicyValues) => toPolicyInput(values),
    onSuccess: (saved) => {
      form.setValues(toFormValues(saved));
      form.resetDirty(toFormValues(saved));
      notifications.show({ color: 'teal', message: t('policy.saved') });
    },
  });

  return (
    <form noValidate onSubmit={save.onSubmit}>
      <Stack gap="lg">
        <Section title={t('policy.tiersTitle')} hint={t('policy.tiersHint')}>
          <PolicyTiers form={form} />
        </Section>
        <Section title={t('policy.rulesTitle')} hint={t('policy.rulesHint')}>
          <PolicyRules form={form} />
        </Section>
        <Card withBorder padding="lg">
          <NumberInput
            label={t('policy.paperworkDays')}
            description={t('policy.paperworkDaysHint')}
            min={1}
            max={60}
            allowDecimal={false}
            maw={320}
            data-testid="policy-paperwork-days"
            {...form.getInputProps('paperworkDays')}
          />
        </Card>
        <FormError message={save.error} testId="policy-error" />
        <Group justify="flex-end">
          <Button type="submit" loading={save.pending} disabled={!form.isDirty()} data-testid="policy-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PolicyPage() {
  const { t } = useTranslation();
  const policy = useCall('approvals.policy', {});
  return (
    <Stack gap="md" maw={1040}>
      <PageHeader title={t('policy.title')} />
      <QueryState query={policy}>{(loaded) => <PolicyForm policy={loaded} />}</QueryState>
    </Stack>
  );
}
