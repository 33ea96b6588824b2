/**
 * 办理入住: the clean vacant rooms of the booked type that no other stay holds, the room kept for
 * this booking (排房) first and chosen, else the lowest floor. A kept room not yet ready is named.
 */
import { Alert, Loader, Select, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Booking, RoomChoice } from '@shared/contract';
import { useFormCall } from '../../../ui/use-form-submit';
import { ActionForm } from './ActionForm';
import { useBookingUpdated } from './use-booking-updated';
import { useCall } from '../../../api/use-call';

export function CheckInForm({ booking, onDone }: { booking: Booking; onDone: () => void }) {
  const { t } = useTranslation();
  const rooms = useCall('frontDesk.suggestRooms', { bookingId: booking.id });
  if (rooms.isPending) return <Loader size="sm" />;
  const keptNotReady = booking.room !== null && !rooms.data?.some((r) => r.assigned);
  return (
    <>
      {keptNotReady && (
        <Alert color="orange" variant="light" p="xs" data-testid="check-in-assigned-not-ready">
          {t('desk.checkIn.assignedNotReady', { room: booking.room!.number })}
        </Alert>
      )}
      {rooms.data?.length ? (
        <RoomPicker booking={booking} rooms={rooms.data} onDone={onDone} />
      ) : (
        <Text c="dimmed">{t('desk.checkIn.noRooms')}</Text>
      )}
    </>
  );
}

function RoomPicker({ booking, rooms, onDone }: { booking: Booking; rooms: RoomChoice[]; onDone: () => void }) {
  const { t } = useTranslation();
  const updated = useBookingUpdated();
  const form = useForm({
    initialValues: { roomId: rooms[0]!.id },
    validate: { roomId: (v) => (v ? null : t('validation.required')) },
  });
  const submit = useFormCall(form, 'frontDesk.checkIn', {
    input: ({ roomId }: typeof form.values) => ({ bookingId: booking.id, roomId }),
    onSuccess: (result) => {
      updated(result, t('desk.checkIn.done', { number: result.number, room: result.room?.number ?? '' }));
      onDone();
    },
  });
  return (
    <ActionForm
      onSubmit={submit.onSubmit}
      onCancel={onDone}
      error={submit.error}
      pending={submit.pending}
      submitLabel={t('desk.checkIn.submit')}
      testId="check-in"
    >
      <Select
        label={t('desk.checkIn.room')}
        description={t('desk.checkIn.suggested')}
        data={rooms.map((r) => ({
          value: r.id,
          label: t(r.assigned ? 'desk.checkIn.assignedRoom' : 'desk.checkIn.roomOption', {
            number: r.number,
            floor: r.floor,
          }),
        }))}
        searchable
        allowDeselect={false}
        data-autofocus
        data-testid="check-in-room"
        {...form.getInputProps('roomId')}
      />
    </ActionForm>
  );
}
