/** 排房图: today's arrivals still without a room (assigned from here), then which guest is in which room on which night. */
import { Alert, Group, Loader, Stack } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../i18n/errors';
import { PageHeader } from '../../../ui/PageHeader';
import { useDateWindow, WindowControls } from '../date-window';
import { useBusinessDate } from '../../bookings/business-day';
import { RackLegend } from './RackLegend';
import { RoomRack } from './RoomRack';
import { UnassignedArrivals } from './UnassignedArrivals';
import { useCall } from '../../../api/use-call';

const DEFAULT_NIGHTS = 14;

function Rack({ businessDate }: { businessDate: string }) {
  const { message } = useErrorText();
  const control = useDateWindow(businessDate, DEFAULT_NIGHTS);
  const { from, nights, days } = control.span;
  const rack = useCall('availability.rack', { from, nights }, { placeholderData: keepPreviousData });
  const roomTypes = useCall('roomTypes.list', {});
  // While a new window loads, the previous rows stay with the headings they were asked for.
  const shown = rack.isPlaceholderData ? null : days;

  return (
    <Stack gap="md">
      <UnassignedArrivals />
      <Group justify="space-between">
        <WindowControls control={control} testId="rack-window" />
        <RackLegend />
      </Group>
      {rack.isError && <Alert color="red">{message(rack.error)}</Alert>}
      {rack.data && shown && (
        <RoomRack rows={rack.data} nights={shown} businessDate={businessDate} roomTypes={roomTypes.data ?? []} />
      )}
      {rack.isFetching && !shown && <Loader size="sm" />}
    </Stack>
  );
}

export function RackPage() {
  const { t } = useTranslation();
  const businessDate = useBusinessDate();
  return (
    <>
      <PageHeader title={t('nav.rack')} />
      {businessDate ? <Rack businessDate={businessDate} /> : <Loader size="sm" />}
    </>
  );
}
