/** The amount tiers: up to which amount each approver role decides; the last tier has no limit. */
import { ActionIcon, Button, NumberInput, Select, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { APPROVER_ROLES } from '@shared/rules/approval-tiers';
import { useMoney } from './money';
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
    if (!previous || previous.maxYuan === '') return t('policy.anyAmount');
    return t('policy.above', { amount: money(Math.round(Number(previous.maxYuan) * 100)) });
  }

  return (
    <>
      <Table verticalSpacing={6} data-testid="policy-tiers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('policy.upTo')}</Table.Th>
            <Table.Th>{t('policy.approverRole')}</Table.Th>
            <Table.Th w={48} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tiers.map((_tier, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {i === tiers.length - 1 ? (
                  <Text size="sm" data-testid="policy-tier-open">
                    {openEnd()}
                  </Text>
                ) : (
                  <NumberInput
                    min={0}
                    decimalScale={2}
                    thousandSeparator=","
                    hideControls
                    aria-label={t('policy.upTo')}
                    data-testid={`policy-tier-${i}-max`}
                    {...form.getInputProps(`tiers.${i}.maxYuan`)}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <Select allowDeselect={false} data={roles} aria-label={t('policy.approverRole')} data-testid={`policy-tier-${i}-role`} {...form.getInputProps(`tiers.${i}.approverRole`)} />
              </Table.Td>
              <Table.Td>
                {tiers.length > 1 && (
                  <ActionIcon variant="subtle" color="red" aria-label={t('policy.removeTier')} onClick={() => form.removeListItem('tiers', i)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {tiers.length < MAX_TIERS && (
        <Button variant="subtle" size="compact-sm" mt="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('tiers', newTier(form.values), tiers.length - 1)} data-testid="policy-add-tier">
          {t('policy.addTier')}
        </Button>
      )}
    </>
  );
}
