/** Response and resolution targets per severity, each severity saved on its own (complaints.setTarget). */
import { Button, Group, NumberInput, Select, Table, Text, Title } from '@mantine/core';
import { useForm, type GetInputPropsReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import {
  operations,
  TARGET_UNITS,
  type ComplaintSeverity,
  type ComplaintTarget,
  type TargetUnit,
} from '@shared/contract';
import { useCall } from '../../api/use-call';
import { FormError } from '../../ui/FormError';
import { QueryState } from '../../ui/QueryState';
import { useFormCall } from '../../ui/use-form-submit';
import { SeverityBadge } from './SeverityBadge';

type TargetValues = {
  severity: ComplaintSeverity;
  respond: { amount: number; unit: TargetUnit };
  resolve: { amount: number; unit: TargetUnit };
};

/** The amount and unit of one target, wired to the row's form by `field` ('respond.amount' …). */
function TargetInputs({
  field,
  path,
  testId,
}: {
  field: (name: string) => GetInputPropsReturnType;
  path: 'respond' | 'resolve';
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <NumberInput
        min={1}
        max={999}
        allowDecimal={false}
        w={84}
        aria-label={`${t(`complaints.policy.${path}`)} · ${t('complaints.policy.amount')}`}
        data-testid={`${testId}-amount`}
        {...field(`${path}.amount`)}
      />
      <Select
        allowDeselect={false}
        w={136}
        data={TARGET_UNITS.map((unit) => ({ value: unit, label: t(`complaints.policy.units.${unit}`) }))}
        aria-label={`${t(`complaints.policy.${path}`)} · ${t('complaints.policy.unit')}`}
        data-testid={`${testId}-unit`}
        {...field(`${path}.unit`)}
      />
    </Group>
  );
}

function TargetRow({ target }: { target: ComplaintTarget }) {
  const { t } = useTranslation();
  const severity = t(`complaints.severities.${target.severity}`);
  const form = useForm<TargetValues>({
    initialValues: target,
    validate: zod4Resolver(operations['complaints.setTarget'].input),
  });
  const save = useFormCall(form, 'complaints.setTarget', {
    input: (values: TargetValues) => values,
    // The targets are read again (declared invalidation), which gives this row its saved values.
    onSuccess: () => notifications.show({ color: 'teal', message: t('complaints.policy.saved', { severity }) }),
    fieldLabels: {
      'respond.amount': t('complaints.policy.respond'),
      'resolve.amount': t('complaints.policy.resolve'),
    },
  });
  const testId = `complaint-target-${target.severity}`;
  return (
    <>
      <Table.Tr data-testid={testId}>
        <Table.Td>
          <SeverityBadge severity={target.severity} light />
        </Table.Td>
        <Table.Td>
          <TargetInputs field={form.getInputProps} path="respond" testId={`${testId}-respond`} />
        </Table.Td>
        <Table.Td>
          <TargetInputs field={form.getInputProps} path="resolve" testId={`${testId}-resolve`} />
        </Table.Td>
        <Table.Td ta="right">
          <Button
            variant="default"
            size="xs"
            loading={save.pending}
            disabled={!form.isDirty()}
            onClick={() => save.onSubmit()}
            data-testid={`${testId}-save`}
          >
            {t('complaints.policy.save')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {save.error && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <FormError message={save.error} testId={`${testId}-error`} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

export function ComplaintTargets() {
  const { t } = useTranslation();
  const targets = useCall('complaints.targets', {});
  return (
    <div>
      <Title order={4} size="h5" mb={4}>
        {t('complaints.policy.targetsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('complaints.policy.targetsHint')}
      </Text>
      <QueryState query={targets}>
        {(rows) => (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={6} data-testid="complaint-targets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('complaints.policy.severity')}</Table.Th>
                  <Table.Th>{t('complaints.policy.respond')}</Table.Th>
                  <Table.Th>{t('complaints.policy.resolve')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((target) => (
                  // Saved values give the row a fresh form.
                  <TargetRow key={JSON.stringify(target)} target={target} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </div>
  );
}
