/** 收款: a deposit, payment or refund in yuan; the amount starts at what is still due. */
import { Alert, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PAYMENT_KINDS, PAYMENT_METHODS, type Booking } from '@shared/contract';
import { useFormCall } from '../../../ui/use-form-submit';
import { useMoney, YuanInput } from '../../../ui/money';
import { ActionForm } from './ActionForm';
import { useBookingUpdated } from './use-booking-updated';

interface PaymentValues {
  kind: (typeof PAYMENT_KINDS)[number];
  method: (typeof PAYMENT_METHODS)[number];
  /** Fen; null while the field is empty. */
  amountFen: number | null;
  reference: string;
}

export function PaymentForm({
  booking,
  dueFen,
  submitLabel,
  onPaid,
  onDone,
}: {
  booking: Booking;
  dueFen: number | null;
  /** Says what the payment leads to (收款并退房) when it is a step of something else. */
  submitLabel?: string;
  /** After the payment is recorded; by default the form is simply done. */
  onPaid?: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const updated = useBookingUpdated();
  const due = dueFen ?? Math.max(0, booking.balanceFen);
  const form = useForm<PaymentValues>({
    initialValues: {
      kind: booking.status === 'confirmed' ? 'deposit' : 'payment',
      method: 'cash',
      amountFen: due || null,
      reference: '',
    },
    validate: { amountFen: (v) => (v !== null && v > 0 ? null : t('validation.minValue', { min: 0.01 })) },
  });
  const submit = useFormCall(form, 'payments.record', {
    input: ({ kind, method, amountFen, reference }: PaymentValues) => ({
      bookingId: booking.id,
      kind,
      method,
      amountFen: amountFen ?? 0,
      reference,
    }),
    onSuccess: (result) => {
      updated(result, t('desk.pay.done', { amount: money(form.values.amountFen ?? 0) }));
      (onPaid ?? onDone)();
    },
    fieldLabels: { amountFen: t('desk.pay.amount'), reference: t('desk.pay.reference') },
  });
  return (
    <ActionForm
      onSubmit={submit.onSubmit}
      onCancel={onDone}
      error={submit.error}
      pending={submit.pending}
      submitLabel={submitLabel ?? t('desk.pay.submit')}
      testId="pay"
    >
      {dueFen !== null && (
        <Alert color="orange" variant="light" data-testid="pay-balance-due">
          {t('desk.checkOut.balanceDue', { amount: money(dueFen) })}
        </Alert>
      )}
      <SegmentedControl
        fullWidth
        data={PAYMENT_KINDS.map((k) => ({ value: k, label: t(`desk.paymentKinds.${k}`) }))}
        data-testid="pay-kind"
        {...form.getInputProps('kind')}
      />
      <Select
        label={t('desk.pay.method')}
        data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`desk.paymentMethods.${m}`) }))}
        allowDeselect={false}
        data-testid="pay-method"
        {...form.getInputProps('method')}
      />
      <YuanInput
        label={t('desk.pay.amount')}
        emptyFen={null}
        data-autofocus
        data-testid="pay-amount"
        {...form.getInputProps('amountFen')}
      />
      <TextInput label={t('desk.pay.reference')} data-testid="pay-reference" {...form.getInputProps('reference')} />
    </ActionForm>
  );
}
