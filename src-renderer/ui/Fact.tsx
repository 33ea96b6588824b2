/** A labelled value in a details grid (booking, guest, member): small dimmed label above, the value below. */
import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}
