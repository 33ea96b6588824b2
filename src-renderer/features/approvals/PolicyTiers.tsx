/** The amount tiers: up to which amount each approver role decides; the last tier has no limit. */
import { Select, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { APPROVER_ROLES } from '@shared/rules/approval-tiers';
import { EditableRows } from '../../ui/EditableRows';
import { useMoney, YuanInput } from '../../ui/money';
import { newTier, type PolicyValues } from './policy-form';

const MAX_TIERS = 10;

export function PolicyTiers({ form }: { form: UseFormReturnType<PolicyValues> }) {
  const { t } = useTranslation();
  const money = useMoney();
  const tiers = form.values.tiers;
  const roles = APPROVER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  /** The last tier starts where the one before it ends. */
  function openEnd(): string {
    const previous = tiers.at(-2);
    if (!previous || previous.maxAmountFen === null) return t('policy.anyAmount');
    return t('policy.above', { amount: money(previous.maxAmountFen) });
  }

  return (
    <EditableRows
      count={tiers.length}
      minRows={1}
      maxRows={MAX_TIERS}
      testId="policy-tiers"
      header={
        <>
          <Table.Th>{t('policy.upTo')}</Table.Th>
          <Table.Th>{t('policy.approverRole')}</Table.Th>
        </>
      }
      cells={(i) => (
        <>
          <Table.Td>
            {i === tiers.length - 1 ? (
              <Text size="sm" data-testid="policy-tier-open">
                {openEnd()}
              </Text>
            ) : (
              <YuanInput
                emptyFen={null}
                aria-label={t('policy.upTo')}
                data-testid={`policy-tier-${i}-max`}
                {...form.getInputProps(`tiers.${i}.maxAmountFen`)}
              />
            )}
          </Table.Td>
          <Table.Td>
            <Select
              allowDeselect={false}
              data={roles}
              aria-label={t('policy.approverRole')}
              data-testid={`policy-tier-${i}-role`}
              {...form.getInputProps(`tiers.${i}.approverRole`)}
            />
          </Table.Td>
        </>
      )}
      removeLabel={t('policy.removeTier')}
      onRemove={(i) => form.removeListItem('tiers', i)}
      addLabel={t('policy.addTier')}
      addTestId="policy-add-tier"
      // A new tier goes before the open-ended last one.
      onAdd={() => form.insertListItem('tiers', newTier(form.values), tiers.length - 1)}
    />
  );
}
