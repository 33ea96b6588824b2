/** A full-window page with one card in the middle and the language switch in the corner (setup, sign-in, lock). */
import type { ReactNode } from 'react';
import { Box, Center, Loader, Paper } from '@mantine/core';
import { LanguageMenu } from './LanguageMenu';

export function CenteredPage({ children, width = 420 }: { children: ReactNode; width?: number }) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-default-hover)" pos="relative">
      <Box pos="absolute" top={16} right={16}>
        <LanguageMenu />
      </Box>
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={width}>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}

export function PageLoader() {
  return (
    <Center mih="100vh">
      <Loader />
    </Center>
  );
}
