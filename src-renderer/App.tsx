/** The providers around the app: Mantine (theme, colour scheme, notifications) and react-query; the recovery screen when the database would not open. */
import { useState } from 'react';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useLiveQueries } from './api/live-queries';
import { createQueryClient } from './api/query-client';
import { AuthGate } from './features/auth/AuthGate';
import { RecoveryGate } from './features/recovery/RecoveryGate';

const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", Roboto, Helvetica, Arial, sans-serif',
});

export function App() {
  const [queryClient] = useState(createQueryClient);
  useLiveQueries(queryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RecoveryGate>
          <AuthGate />
        </RecoveryGate>
      </QueryClientProvider>
    </MantineProvider>
  );
}
