/** A home card's list: its rows, or the line saying there is nothing in it. */
import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';

export function ListOrEmpty({
  empty,
  emptyText,
  gap = 'xs',
  children,
}: {
  empty: boolean;
  emptyText: string;
  gap?: string | number;
  children: ReactNode;
}) {
  if (empty)
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  return <Stack gap={gap}>{children}</Stack>;
}
