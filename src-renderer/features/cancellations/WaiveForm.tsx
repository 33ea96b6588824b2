/**
 * Lowering a cancellation's penalty. The services hold every waiver for approval by the amount
 * taken off, so a submit usually opens the approval dialog; once approved at the desk, the new
 * penalty and refund come back as the request's result. Sent to the queue instead, the form
 * closes (`onQueued`), so the same waiver cannot be sent twice.
 */
import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { operations, type ApprovalRequest, type Cancellation } from '@shared/contract';
import { useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { ApprovalRequestDialog } from '../approvals/ApprovalRequestDialog';
import { heldFrom, type HeldOperation } from '../approvals/held';
import { fenToYuan, useMoney, YuanInput } from '../../ui/money';

const fields = operations['cancellations.waive'].input.shape;

interface WaiveFormProps {
  cancellation: Cancellation;
  /** The cancellation as it stands after the waiver took effect. */
  onDone: (updated: Cancellation) => void;
  /** The waiver went to the approval queue: nothing more to do here. */
  onQueued: () => void;
  onCancel: () => void;
}

function isCancellation(value: unknown): value is Cancellation {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Cancellation>).penaltyFen === 'number' &&
    typeof (value as Partial<Cancellation>).number === 'string'
  );
}

export function WaiveForm({ cancellation, onDone, onQueued, onCancel }: WaiveFormProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const { forForm } = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState<HeldOperation | null>(null);
  const schema = z
    .object({ penaltyFen: fields.penaltyFen, reason: fields.reason })
    .refine((values) => values.penaltyFen < cancellation.penaltyFen, {
      path: ['penaltyFen'],
      error: t('cancellations.waive.penaltyHint'),
    });
  const form = useForm({ initialValues: { penaltyFen: 0, reason: '' }, validate: zod4Resolver(schema) });

  const waive = useMutate('cancellations.waive', {
    gcTime: 0,
    onSuccess: onDone,
    onError: (thrown, input) => {
      const next = heldFrom(
        thrown,
        'cancellations.waive',
        input,
        `${cancellation.number} · ${cancellation.subject.guestName}`,
      );
      if (next) setHeld(next);
      else setError(forForm(form, thrown));
    },
  });

  const onExecuted = (request: ApprovalRequest) => {
    if (isCancellation(request.result)) onDone(request.result);
  };

  // The dialog stays outside the form: React bubbles its submit through the portal to any form around it.
  return (
    <>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setError(null);
          waive.mutate({ cancellationId: cancellation.id, ...values });
        })}
        data-testid="waive-form"
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('cancellations.waive.current', { amount: money(cancellation.penaltyFen) })}
          </Text>
          <YuanInput
            label={t('cancellations.waive.penalty')}
            description={t('cancellations.waive.penaltyHint')}
            max={fenToYuan(cancellation.penaltyFen)}
            data-autofocus
            data-testid="waive-penalty"
            {...form.getInputProps('penaltyFen')}
          />
          <Textarea
            label={t('cancellations.waive.reason')}
            autosize
            minRows={2}
            data-testid="waive-reason"
            {...form.getInputProps('reason')}
          />
          <FormError message={error} testId="waive-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={waive.isPending} data-testid="waive-submit">
              {t('cancellations.waive.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ApprovalRequestDialog
        held={held}
        onClose={() => setHeld(null)}
        onExecuted={onExecuted}
        onQueued={() => {
          setHeld(null);
          onQueued();
        }}
      />
    </>
  );
}
