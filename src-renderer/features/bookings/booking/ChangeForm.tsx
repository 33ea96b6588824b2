/**
 * 修改: dates, room type, guests, rate plan and special requests, only with the customer's written
 * authorisation. In-house guests keep their arrival and room type (the services refuse otherwise).
 */
import { Group, NumberInput, Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNameIn } from '../../../i18n/use-local-names';
import type { Booking } from '@shared/contract';
import { useFormCall } from '../../../ui/use-form-submit';
import { ActionForm } from './ActionForm';
import {
  AuthorisationFields,
  initialAuthorisation,
  toAuthorisation,
  type AuthorisationValues,
} from './AuthorisationFields';
import { useBookingUpdated } from './use-booking-updated';
import { useCall } from '../../../api/use-call';
import { DateField } from '../../../ui/DateField';

interface ChangeValues extends AuthorisationValues {
  arrival: string;
  departure: string;
  roomTypeId: string;
  ratePlanId: string | null;
  adults: number;
  children: number;
  specialRequests: string;
}

export function ChangeForm({ booking, onDone }: { booking: Booking; onDone: () => void }) {
  const { t } = useTranslation();
  const nameIn = useNameIn();
  const updated = useBookingUpdated();
  const roomTypes = useCall('roomTypes.list', {});
  const ratePlans = useCall('ratePlans.list', {});
  const inHouse = booking.status === 'checked_in';
  const form = useForm<ChangeValues>({
    initialValues: {
      arrival: booking.arrival,
      departure: booking.departure,
      roomTypeId: booking.roomType.id,
      ratePlanId: booking.ratePlan?.id ?? null,
      adults: booking.adults,
      children: booking.children,
      specialRequests: booking.specialRequests,
      ...initialAuthorisation,
    },
    validate: {
      departure: (v, values) => (v > values.arrival ? null : t('validation.format')),
      authRef: (v) => (v.trim() ? null : t('validation.required')),
    },
  });
  const submit = useFormCall(form, 'bookings.change', {
    input: ({ authMethod, authRef, ...values }: ChangeValues) => ({
      id: booking.id,
      ...values,
      authorisation: toAuthorisation({ authMethod, authRef }),
    }),
    onSuccess: (result) => {
      updated(result, t('desk.change.done'));
      onDone();
    },
    fieldLabels: { departure: t('desk.intake.departure'), 'authorisation.reference': t('desk.change.authRef') },
  });
  return (
    <ActionForm
      onSubmit={submit.onSubmit}
      onCancel={onDone}
      error={submit.error}
      pending={submit.pending}
      submitLabel={t('desk.change.submit')}
      testId="change"
    >
      <Group grow align="flex-start">
        <DateField
          label={t('desk.intake.arrival')}
          disabled={inHouse}
          data-testid="change-arrival"
          {...form.getInputProps('arrival')}
        />
        <DateField
          label={t('desk.intake.departure')}
          data-testid="change-departure"
          {...form.getInputProps('departure')}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('desk.intake.roomType')}
          data={(roomTypes.data ?? []).map((type) => ({ value: type.id, label: nameIn(type) }))}
          allowDeselect={false}
          disabled={inHouse}
          data-testid="change-room-type"
          {...form.getInputProps('roomTypeId')}
        />
        <Select
          label={t('desk.intake.ratePlan')}
          placeholder={t('desk.intake.ratePlanNone')}
          data={(ratePlans.data ?? []).map((plan) => ({ value: plan.id, label: nameIn(plan) }))}
          clearable
          data-testid="change-rate-plan"
          {...form.getInputProps('ratePlanId')}
        />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label={t('desk.intake.adults')} min={1} max={20} {...form.getInputProps('adults')} />
        <NumberInput label={t('desk.intake.children')} min={0} max={20} {...form.getInputProps('children')} />
      </Group>
      <Textarea
        label={t('desk.intake.specialRequests')}
        autosize
        minRows={1}
        maxRows={3}
        {...form.getInputProps('specialRequests')}
      />
      <AuthorisationFields form={form} />
    </ActionForm>
  );
}
