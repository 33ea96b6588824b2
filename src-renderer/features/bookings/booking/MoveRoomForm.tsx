/** 换房: any clean vacant room (another type moves the rest of the stay to that type's inventory), and why. */
import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../i18n/use-local-names';
import type { Booking } from '@shared/contract';
import { useFormCall } from '../../../ui/use-form-submit';
import { ActionForm } from './ActionForm';
import { useBookingUpdated } from './use-booking-updated';
import { useCall } from '../../../api/use-call';
import { isReadyRoom } from '@shared/rules/booking-status';

export function MoveRoomForm({ booking, onDone }: { booking: Booking; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const updated = useBookingUpdated();
  const roomTypes = useCall('roomTypes.list', {});
  const rooms = useCall('rooms.list', {});
  const typeName = new Map((roomTypes.data ?? []).map((type) => [type.id, nameIn(i18n.language, type)]));
  // Same-type rooms first: a move within the type changes nothing but the room.
  const free = (rooms.data ?? [])
    .filter((room) => isReadyRoom(room.status))
    .sort(
      (a, b) =>
        Number(b.roomTypeId === booking.roomType.id) - Number(a.roomTypeId === booking.roomType.id) ||
        a.number.localeCompare(b.number),
    );
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
