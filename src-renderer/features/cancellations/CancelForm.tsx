/**
 * The cancel dialog's form: the quote, then why and how the refund goes back, then confirm. A
 * penalty beyond what the guest paid is said for what it becomes (the cancelled booking's unpaid
 * balance, which cannot be taken here). 返回 sits apart from the red 确认取消.
 */
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  CANCEL_REASONS,
  operations,
  PAYMENT_METHODS,
  type Cancellation,
  type CancellationQuote,
} from '@shared/contract';
import { call } from '../../api/client';
import { FormError } from '../../ui/FormError';
import { useFormSubmit } from '../../ui/use-form-submit';
import type { CancelSubject } from './cancellation-quote';
import { QuoteSummary } from './QuoteSummary';
import { useMoney } from '../../ui/money';

export type RefundMethod = (typeof PAYMENT_METHODS)[number];

const fields = operations['bookings.cancel'].input.shape;
const schema = z.object({ reason: fields.reason, note: fields.note, refundMethod: fields.refundMethod });

interface CancelFormProps {
  subject: CancelSubject;
  quote: CancellationQuote;
  refundMethod: RefundMethod;
  onCancelled: (cancellation: Cancellation) => void;
  onClose: () => void;
}

export function CancelForm({ subject, quote, refundMethod, onCancelled, onClose }: CancelFormProps) {
  const { t } = useTranslation();
  const money = useMoney();
  // The services set a cancelled booking's total to the penalty, so what was not paid stays as its balance.
  const unpaidFen = Math.max(0, quote.penaltyFen - quote.paidFen);
  const form = useForm({
    initialValues: { reason: 'guest_request' as (typeof CANCEL_REASONS)[number], note: '', refundMethod },
    validate: zod4Resolver(schema),
  });
  const submit = useFormSubmit(form, {
    mutationFn: (values: typeof form.values) =>
      subject.type === 'booking'
        ? call('bookings.cancel', { id: subject.id, ...values })
        : call('tickets.cancel', { orderId: subject.id, ...values }),
    onSuccess: onCancelled,
    fieldLabels: {
      reason: t('cancellations.dialog.reason'),
      note: t('cancellations.dialog.note'),
      refundMethod: t('cancellations.dialog.refundMethod'),
    },
  });

  return (
    <form noValidate onSubmit={submit.onSubmit} data-testid="cancel-form">
      <Stack gap="sm">
        <QuoteSummary quote={quote} />
        {unpaidFen > 0 && (
          <Alert color="orange" variant="light" data-testid="cancel-unpaid-penalty">
            {t('cancellations.dialog.unpaidPenalty', { amount: money(unpaidFen) })}
          </Alert>
        )}
        <Group grow align="flex-start">
          <Select
            label={t('cancellations.dialog.reason')}
            data={CANCEL_REASONS.map((reason) => ({ value: reason, label: t(`cancellations.reasons.${reason}`) }))}
            allowDeselect={false}
            data-testid="cancel-reason"
            {...form.getInputProps('reason')}
          />
          <Select
            label={t('cancellations.dialog.refundMethod')}
            data={PAYMENT_METHODS.map((method) => ({
              value: method,
              label: t(`cancellations.refundMethods.${method}`),
            }))}
            allowDeselect={false}
            disabled={quote.refundFen === 0}
            data-testid="cancel-refund-method"
            {...form.getInputProps('refundMethod')}
          />
        </Group>
        <TextInput label={t('cancellations.dialog.note')} data-testid="cancel-note" {...form.getInputProps('note')} />
        <FormError message={submit.error} testId="cancel-error" />
        <Group justify="space-between" mt="xs">
          <Button variant="subtle" color="gray" onClick={onClose} data-testid="cancel-back">
            {t('cancellations.dialog.back')}
          </Button>
          <Button type="submit" color="red" loading={submit.pending} data-testid="cancel-submit">
            {t('cancellations.dialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
