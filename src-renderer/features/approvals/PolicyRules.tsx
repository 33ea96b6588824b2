/** One rule per operation the engine can hold: approval (minimum role, from which amount) and dual review. */
import { Select, Switch, Table } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { APPROVER_ROLES } from '@shared/rules/approval-tiers';
import { YuanInput } from '../../ui/money';
import type { PolicyValues } from './policy-form';
import { useRequestLabels } from './request-labels';

/** Blank means the rule applies from any amount. */
function AmountInput({
  form,
  path,
  disabled,
}: {
  form: UseFormReturnType<PolicyValues>;
  path: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <YuanInput
      emptyFen={null}
      placeholder={t('policy.anyAmount')}
      aria-label={t('policy.fromAmount')}
      disabled={disabled}
      miw={120}
      {...form.getInputProps(path)}
    />
  );
}

export function PolicyRules({ form }: { form: UseFormReturnType<PolicyValues> }) {
  const { t } = useTranslation();
  const labels = useRequestLabels();
  const roles = APPROVER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const columns = [
    'policy.operation',
    'policy.needsApproval',
    'policy.minApproverRole',
    'policy.fromAmount',
    'policy.dualReview',
    'policy.fromAmount',
  ] as const;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing={6} data-testid="policy-rules">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, i) => (
              <Table.Th key={i}>{t(column)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.values.rules.map((rule, i) => (
            <Table.Tr key={rule.operation} data-testid={`policy-rule-${rule.operation}`}>
              <Table.Td>{labels.operation(rule.operation)}</Table.Td>
              <Table.Td>
                <Switch
                  aria-label={t('policy.needsApproval')}
                  data-testid={`policy-rule-${rule.operation}-approval`}
                  {...form.getInputProps(`rules.${i}.needsApproval`, { type: 'checkbox' })}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  clearable
                  data={roles}
                  placeholder={t('policy.byTier')}
                  aria-label={t('policy.minApproverRole')}
                  disabled={!rule.needsApproval}
                  miw={140}
                  {...form.getInputProps(`rules.${i}.minApproverRole`)}
                />
              </Table.Td>
              <Table.Td>
                <AmountInput form={form} path={`rules.${i}.approvalMinFen`} disabled={!rule.needsApproval} />
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={t('policy.dualReview')}
                  data-testid={`policy-rule-${rule.operation}-review`}
                  {...form.getInputProps(`rules.${i}.dualReview`, { type: 'checkbox' })}
                />
              </Table.Td>
              <Table.Td>
                <AmountInput form={form} path={`rules.${i}.dualReviewMinFen`} disabled={!rule.dualReview} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
