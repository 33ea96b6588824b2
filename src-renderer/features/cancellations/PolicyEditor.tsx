/**
 * Editing a rate plan's or ticket product's cancellation policy inside its form: grace hours,
 * non-refundable, up to five penalty tiers and the no-show penalty, with the terms read back as
 * the guest will see them. The form's own resolver validates it with the contract's schema; the
 * errors it reports under `path` are shown on the fields here.
 */
import type { ReactNode } from 'react';
import { ActionIcon, Button, Group, Input, List, NumberInput, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CancellationPolicy, PenaltyTier } from '@shared/rules/cancellation';
import { useMoney } from '../../ui/money';
import { describePolicy } from './describe-policy';
import {
  blankDeadline,
  blankPenalty,
  DEADLINE_KINDS,
  MAX_TIERS,
  PENALTY_KINDS,
  type PolicySubject,
} from './policy-parts';
import { DeadlineFields, PenaltyFields } from './PolicyFields';

interface PolicyEditorProps {
  value: CancellationPolicy;
  onChange: (policy: CancellationPolicy) => void;
  subject: PolicySubject;
  /** The form's errors and where the policy sits in its values (e.g. "cancellationPolicy"). */
  errors: Record<string, ReactNode>;
  path: string;
}

export function PolicyEditor({ value, onChange, subject, errors, path }: PolicyEditorProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const errorAt = (sub: string) => errors[`${path}.${sub}`];
  const set = (patch: Partial<CancellationPolicy>) => onChange({ ...value, ...patch });
  const setTier = (index: number, tier: PenaltyTier) =>
    set({ tiers: value.tiers.map((old, i) => (i === index ? tier : old)) });
  const newTier = (): PenaltyTier => ({
    from: blankDeadline(DEADLINE_KINDS[subject][0]!),
    penalty: blankPenalty(PENALTY_KINDS[subject][0]!),
  });

  return (
    <Input.Wrapper label={t('cancellations.policy.label')} data-testid="policy-editor">
      <Paper withBorder p="sm" radius="md" mt={4}>
        <Stack gap="sm">
          <Group align="flex-start" gap="lg">
            <NumberInput
              w={200}
              min={0}
              max={24 * 30}
              allowDecimal={false}
              label={t('cancellations.policy.graceHours')}
              description={t('cancellations.policy.graceHint')}
              placeholder={t('cancellations.policy.graceNone')}
              value={value.graceHours ?? ''}
              error={errorAt('graceHours')}
              onChange={(hours) => set({ graceHours: hours === '' ? null : Math.trunc(Number(hours)) })}
              data-testid="policy-grace"
            />
            <Switch
              mt={28}
              label={t('cancellations.policy.nonRefundable')}
              description={t('cancellations.policy.nonRefundableHint')}
              checked={value.nonRefundable}
              onChange={(event) => set({ nonRefundable: event.currentTarget.checked })}
              data-testid="policy-non-refundable"
            />
          </Group>
          <Input.Wrapper
            label={t('cancellations.policy.tiers')}
            description={t('cancellations.policy.tiersHint')}
            error={errorAt('tiers')}
          >
            <Stack gap={6} mt={4}>
              {value.tiers.map((tier, i) => (
                <Group key={i} gap="xs" align="flex-start" wrap="wrap" data-testid={`policy-tier-${i}`}>
                  <DeadlineFields
                    value={tier.from}
                    onChange={(from) => setTier(i, { ...tier, from })}
                    subject={subject}
                    errorAt={(sub) => errorAt(`tiers.${i}.from.${sub}`)}
                    disabled={value.nonRefundable}
                    testId={`policy-tier-${i}-deadline`}
                  />
                  <PenaltyFields
                    value={tier.penalty}
                    onChange={(penalty) => setTier(i, { ...tier, penalty })}
                    subject={subject}
                    errorAt={(sub) => errorAt(`tiers.${i}.penalty.${sub}`)}
                    disabled={value.nonRefundable}
                    testId={`policy-tier-${i}-penalty`}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={2}
                    aria-label={t('cancellations.policy.removeTier')}
                    onClick={() => set({ tiers: value.tiers.filter((_tier, j) => j !== i) })}
                    data-testid={`policy-tier-${i}-remove`}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} />}
                  disabled={value.nonRefundable || value.tiers.length >= MAX_TIERS}
                  onClick={() => set({ tiers: [...value.tiers, newTier()] })}
                  data-testid="policy-tier-add"
                >
                  {t('cancellations.policy.addTier')}
                </Button>
              </Group>
            </Stack>
          </Input.Wrapper>
          <Input.Wrapper label={t('cancellations.policy.noShow')}>
            <PenaltyFields
              value={value.noShow}
              onChange={(noShow) => set({ noShow })}
              subject={subject}
              errorAt={(sub) => errorAt(`noShow.${sub}`)}
              disabled={value.nonRefundable}
              testId="policy-no-show"
            />
          </Input.Wrapper>
          <div>
            <Text size="xs" c="dimmed">
              {t('cancellations.policy.preview')}
            </Text>
            <List size="sm" data-testid="policy-preview">
              {describePolicy(value, t, { subject, money }).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </div>
        </Stack>
      </Paper>
    </Input.Wrapper>
  );
}
