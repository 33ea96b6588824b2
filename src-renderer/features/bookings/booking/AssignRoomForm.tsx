/**
 * 排房: a room kept for a confirmed booking before the guest arrives — of the booked type, free on
 * all its nights; its housekeeping state is shown, since it may still be cleaned before arrival.
 * A booking that holds a room may release it.
 */
import { Button, Loader, Select, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@shared/contract';
import { useCall, useMutate } from '../../../api/use-call';
import { useErrorText } from '../../../i18n/errors';
import { useFormCall } from '../../../ui/use-form-submit';
import { ActionForm } from './ActionForm';
import { useBookingUpdated } from './use-booking-updated';

export function AssignRoomForm({ booking, onDone }: { booking: Booking; onDone: () => void }) {
  const { t } = useTranslation();
  const rooms = useCall('frontDesk.assignableRooms', { bookingId: booking.id });
  if (rooms.isPending) return <Loader size="sm" />;
  if (!rooms.data?.length)
    return (
      <Text c="dimmed" data-testid="assign-room-none">
        {t('desk.assignRoom.noRooms')}
      </Text>
    );
  return <RoomChoice booking={booking} rooms={rooms.data} onDone={onDone} />;
}

function RoomChoice({
  booking,
  rooms,
  onDone,
}: {
  booking: Booking;
  rooms: { id: string; number: string; floor: number; status: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const updated = useBookingUpdated();
  const { message } = useErrorText();
  const form = useForm({
    initialValues: { roomId: booking.room?.id ?? rooms[0]!.id },
    validate: { roomId: (v) => (v ? null : t('validation.required')) },
  });
  const submit = useFormCall(form, 'frontDesk.assignRoom', {
    input: ({ roomId }: typeof form.values) => ({ bookingId: booking.id, roomId }),
    onSuccess: (result) => {
      updated(result, t('desk.assignRoom.done', { number: result.number, room: result.room?.number ?? '' }));
      onDone();
    },
  });
  const release = useMutate('frontDesk.assignRoom', {
    onSuccess: (result) => {
      updated(result, t('desk.assignRoom.released', { number: result.number }));
      onDone();
    },
  });
  return (
    <ActionForm
      onSubmit={submit.onSubmit}
      onCancel={onDone}
      error={submit.error ?? (release.error ? message(release.error) : null)}
      pending={submit.pending}
      submitLabel={t('desk.assignRoom.submit')}
      testId="assign-room"
    >
      <Select
        label={t('desk.assignRoom.room')}
        description={t('desk.assignRoom.hint')}
        data={rooms.map((r) => ({
          value: r.id,
          label: t('desk.assignRoom.roomOption', {
            number: r.number,
            floor: r.floor,
            status: t(`inventory.roomStatus.${r.status as 'vacant_clean'}`),
          }),
        }))}
        searchable
        allowDeselect={false}
        data-autofocus
        data-testid="assign-room-room"
        {...form.getInputProps('roomId')}
      />
      {booking.room && (
        <Button
          variant="subtle"
          color="red"
          size="xs"
          loading={release.isPending}
          onClick={() => release.mutate({ bookingId: booking.id, roomId: null })}
          data-testid="assign-room-release"
        >
          {t('desk.assignRoom.release')}
        </Button>
      )}
    </ActionForm>
  );
}
