/** A member's tier as a badge, named in the UI language; tiers are data, so an unknown code falls back to grey. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useNameIn, type TwoNames } from '../../i18n/use-local-names';

const COLORS: Record<string, string> = { standard: 'gray', silver: 'indigo', gold: 'yellow', platinum: 'grape' };

export function TierBadge({
  tier,
  ...props
}: { tier: { code: string } & TwoNames } & Omit<BadgeProps, 'children' | 'color'>) {
  const nameIn = useNameIn();
  return (
    <Badge variant="light" color={COLORS[tier.code] ?? 'gray'} data-testid="member-tier" {...props}>
      {nameIn(tier)}
    </Badge>
  );
}
