/**
 * The members' points check at intake (the booking procedure: members get a points check,
 * non-members a temporary profile): the tier, the balance, and what may be redeemed for a stay
 * arriving then, less the points that lapse before it. Redemption itself is made on the booking
 * (积分抵扣 in its drawer), since it needs the booking; non-members see nothing here. What the
 * redeemable points are worth in money is said beside them (the loyalty policy's value of a point).
 */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { redemptionValueFen } from '@shared/rules/points';
import { useMoney } from '../../../ui/money';
import { TierBadge } from '../../members/TierBadge';
import { usePoints } from '../../members/use-points';
import { usePointsCheck } from '../../members/use-points-check';
import { useCall } from '../../../api/use-call';

export function MemberPointsCheck({ guestId, arrival }: { guestId: string; arrival: string }) {
  const { t } = useTranslation();
  const points = usePoints();
  const money = useMoney();
  const member = useCall('members.forGuest', { guestId });
  const check = usePointsCheck(member.data?.id, arrival);
  if (!member.data || !check.data) return null;
  const { redeemable } = check.data;
  const lapsing = check.data.member.balance - redeemable;
  return (
    <Group gap="xs" mt="xs" data-testid="intake-points-check">
      <TierBadge tier={check.data.member.tier} />
      <Text size="sm" ff="monospace">
        {check.data.member.memberNo}
      </Text>
      <Text size="sm" fw={600}>
        {t('members.points', { points: points(check.data.member.balance) })}
      </Text>
      <Text size="sm" c="dimmed" data-testid="intake-points-available">
        {t('members.check.available', { available: points(redeemable) })}
        {lapsing > 0 && t('members.check.lapsing', { lapsing: points(lapsing) })}
      </Text>
      <Text size="sm" c="dimmed" data-testid="intake-points-worth">
        {t('desk.intake.pointsWorth', {
          amount: money(redemptionValueFen(redeemable, check.data.pointValueFen)),
          value: money(check.data.pointValueFen),
        })}
      </Text>
    </Group>
  );
}
