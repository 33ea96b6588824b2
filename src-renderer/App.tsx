/** The providers around the app: Mantine (theme, colour scheme, notifications, date pickers in the UI language) and react-query; the recovery screen when the database would not open. */
import { useState } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useLiveQueries } from './api/live-queries';
import { createQueryClient } from './api/query-client';
import { AuthGate } from './features/auth/AuthGate';
import { RecoveryGate } from './features/recovery/RecoveryGate';
import { DatesLocale } from './ui/DatesLocale';
import { theme } from './ui/theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  useLiveQueries(queryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* Bottom centre: clear of the drawers' titles and actions at the top right. */}
      <Notifications position="bottom-center" />
      <DatesLocale>
        <QueryClientProvider client={queryClient}>
          <RecoveryGate>
            <AuthGate />
          </RecoveryGate>
        </QueryClientProvider>
      </DatesLocale>
    </MantineProvider>
  );
}
