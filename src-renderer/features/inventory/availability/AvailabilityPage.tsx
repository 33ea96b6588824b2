/** 房态表: how many rooms of each type are left to sell, night by night, from the business date. */
import { useMemo } from 'react';
import { Alert, Loader, Paper } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../i18n/errors';
import { PageHeader } from '../../../ui/PageHeader';
import { useDateWindow, WindowControls } from '../date-window';
import { useBusinessDate } from '../../bookings/business-day';
import { AvailabilityGrid } from './AvailabilityGrid';
import { GridLegend } from './GridLegend';
import { useCall } from '../../../api/use-call';

const DEFAULT_NIGHTS = 14;

function Grid({ businessDate }: { businessDate: string }) {
  const { message } = useErrorText();
  const control = useDateWindow(businessDate, DEFAULT_NIGHTS);
  const { from, nights, days } = control.span;
  const grid = useCall('availability.grid', { from, nights }, { placeholderData: keepPreviousData });
  const closed = useCall('closedDates.list', {});
  const reasons = useMemo(() => new Map((closed.data ?? []).map((c) => [c.date, c.reason])), [closed.data]);

  return (
    <>
      <WindowControls control={control} testId="grid-window" />
      {grid.isError && <Alert color="red">{message(grid.error)}</Alert>}
      {grid.data && (
        <Paper withBorder p="xs" mt="md">
          {/* While a new window loads the previous rows stay, so the headings follow the rows shown. */}
          <AvailabilityGrid
            rows={grid.data}
            nights={grid.data[0]?.cells.map((c) => c.night) ?? days}
            businessDate={businessDate}
            closedReasons={reasons}
          />
          <GridLegend />
        </Paper>
      )}
    </>
  );
}

export function AvailabilityPage() {
  const { t } = useTranslation();
  const businessDate = useBusinessDate();
  return (
    <>
      <PageHeader title={t('nav.availability')} />
      {businessDate ? <Grid businessDate={businessDate} /> : <Loader size="sm" />}
    </>
  );
}
