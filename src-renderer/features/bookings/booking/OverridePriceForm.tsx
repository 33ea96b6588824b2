/**
 * 改价: one nightly price for the whole stay, with the customer's authorisation. A price below the
 * plan's is held for approval by the size of the discount; the request dialog takes it from there.
 */
import { useState } from 'react';
import { Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@shared/contract';
import { useFormCall } from '../../../ui/use-form-submit';
import { ApprovalRequestDialog } from '../../approvals/ApprovalRequestDialog';
import { heldFrom, type HeldOperation } from '../../approvals/held';
import { useMoney, YuanInput } from '../../../ui/money';
import { ActionForm } from './ActionForm';
import {
  AuthorisationFields,
  initialAuthorisation,
  toAuthorisation,
  type AuthorisationValues,
} from './AuthorisationFields';
import { useBookingUpdated } from './use-booking-updated';

interface OverrideValues extends AuthorisationValues {
  /** Fen; null while the field is empty. */
  nightlyFen: number | null;
}

export function OverridePriceForm({ booking, onDone }: { booking: Booking; onDone: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const updated = useBookingUpdated();
  const [held, setHeld] = useState<HeldOperation | null>(null);
  const form = useForm<OverrideValues>({
    initialValues: { nightlyFen: booking.nights[0]?.priceFen ?? 0, ...initialAuthorisation },
    validate: {
      nightlyFen: (v) => (v !== null && v >= 0 ? null : t('validation.required')),
      authRef: (v) => (v.trim() ? null : t('validation.required')),
    },
  });
  const toInput = ({ nightlyFen, authMethod, authRef }: OverrideValues) => ({
    id: booking.id,
    nightlyFen: nightlyFen ?? 0,
    authorisation: toAuthorisation({ authMethod, authRef }),
  });
  const submit = useFormCall(form, 'bookings.overridePrice', {
    input: (values: OverrideValues) => toInput(values),
    onSuccess: (result) => {
      updated(result, t('desk.override.done'));
      onDone();
    },
    onError: (thrown) =>
      setHeld(
        heldFrom(thrown, 'bookings.overridePrice', toInput(form.values), `${booking.number} · ${booking.guest.name}`),
      ),
  });
  return (
    <>
      <ActionForm
        onSubmit={submit.onSubmit}
        onCancel={onDone}
        error={held ? null : submit.error}
        pending={submit.pending}
        submitLabel={t('desk.override.submit')}
        testId="override"
      >
        <Text size="sm" c="dimmed">
          {t('desk.override.current', { total: money(booking.totalFen), nights: booking.nights.length })}
        </Text>
        <YuanInput
          label={t('desk.override.nightly')}
          emptyFen={null}
          data-autofocus
          data-testid="override-nightly"
          {...form.getInputProps('nightlyFen')}
        />
        <AuthorisationFields form={form} />
      </ActionForm>
      <ApprovalRequestDialog
        held={held}
        onClose={() => setHeld(null)}
        onExecuted={(request) => {
          updated(request.result as Booking, t('desk.override.done'));
          onDone();
        }}
      />
    </>
  );
}
