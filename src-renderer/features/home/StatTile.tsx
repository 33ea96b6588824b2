/** One figure on the home screen: a label, the count (coloured while something waits) and the list it opens. */
import type { ReactNode } from 'react';
import { Card, Text, UnstyledButton } from '@mantine/core';

export function StatTile({
  label,
  value,
  href,
  color = 'orange',
  testId,
  children,
}: {
  label: string;
  value: number;
  href: string;
  /** The count's colour while it is above zero. */
  color?: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <UnstyledButton component="a" href={href} data-testid={testId} h="100%">
      <Card withBorder padding="sm" h="100%">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text
          fw={700}
          fz={28}
          lh={1.25}
          c={value > 0 ? color : 'dimmed'}
          style={{ fontVariantNumeric: 'tabular-nums' }}
          data-testid={`${testId}-count`}
        >
          {value}
        </Text>
        {children}
      </Card>
    </UnstyledButton>
  );
}

/** A card's heading, with a link to the whole list on the right. */
export function CardHeading({ title, href, linkText }: { title: ReactNode; href: string; linkText?: string }) {
  return (
    <Text fw={600} mb="xs" component="div" style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
      <span>{title}</span>
      {linkText && (
        <Text component="a" href={href} size="sm" c="teal" fw={500}>
          {linkText}
        </Text>
      )}
    </Text>
  );
}
