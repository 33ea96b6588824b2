/**
 * The complaint policy admins keep in settings (settings.manage): the response and resolution
 * targets per severity, and the working calendar's corrections the working-day targets count on.
 */
import { Divider, Stack } from '@mantine/core';
import { CalendarCorrections } from './CalendarCorrections';
import { ComplaintTargets } from './ComplaintTargets';

export function ComplaintPolicyPanel() {
  return (
    <Stack gap="lg" data-testid="complaint-policy">
      <ComplaintTargets />
      <Divider />
      <CalendarCorrections />
    </Stack>
  );
}
