/**
 * 换房: a clean vacant room no other stay holds on the rest of this one — the booked type first;
 * another type moves the rest of the stay to that type's inventory — and why.
 */
import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../i18n/use-local-names';
import type { Booking } from '@shared/contract';
import { useFormCall } from '../../../ui/use-form-submit';
import { ActionForm } from './ActionForm';
import { useBookingUpdated } from './use-booking-updated';
import { useCall } from '../../../api/use-call';

export function MoveRoomForm({ booking, onDone }: { booking: Booking; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const updated = useBookingUpdated();
  const roomTypes = useCall('roomTypes.list', {});
  const free = useCall('frontDesk.moveTargets', { bookingId: booking.id }).data ?? [];
  const typeName = new Map((roomTypes.data ?? []).map((type) => [type.id, nameIn(i18n.language, type)]));
  const form = useForm({
    initialValues: { roomId: '', reason: '' },
    validate: {
      roomId: (v) => (v ? null : t('validation.required')),
      reason: (v) => (v.trim() ? null : t('validation.required')),
    },
  });
  const submit = useFormCall(form, 'frontDesk.moveRoom', {
    input: (values: typeof form.values) => ({ bookingId: booking.id, ...values }),
    onSuccess: (result) => {
      updated(result, t('desk.moveRoom.done', { room: result.room?.number ?? '' }));
      onDone();
    },
  });
  return (
    <ActionForm
      onSubmit={submit.onSubmit}
      onCancel={onDone}
      error={submit.error}
      pending={submit.pending}
      submitLabel={t('desk.moveRoom.submit')}
      testId="move-room"
    >
      <Select
        label={t('desk.moveRoom.room')}
        data={free.map((room) => ({
          value: room.id,
          label: `${room.number} · ${typeName.get(room.roomTypeId) ?? ''}`,
        }))}
        searchable
        data-autofocus
        data-testid="move-room-room"
        {...form.getInputProps('roomId')}
      />
      <TextInput label={t('desk.moveRoom.reason')} data-testid="move-room-reason" {...form.getInputProps('reason')} />
    </ActionForm>
  );
}
