/** A member's tier as a badge; tiers are data, so an unknown code falls back to grey. */
import { Badge, type BadgeProps } from '@mantine/core';

const COLORS: Record<string, string> = { standard: 'gray', silver: 'indigo', gold: 'yellow', platinum: 'grape' };

export function TierBadge({
  tier,
  ...props
}: { tier: { code: string; name: string } } & Omit<BadgeProps, 'children' | 'color'>) {
  return (
    <Badge variant="light" color={COLORS[tier.code] ?? 'gray'} data-testid="member-tier" {...props}>
      {tier.name}
    </Badge>
  );
}
