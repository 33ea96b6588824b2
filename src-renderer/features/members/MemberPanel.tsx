/** A member's card with its actions and 积分明细, as the guest profile and the members page show it. */
import { Divider, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '@shared/contract';
import { useCan } from '../../api/session';
import { AdjustPoints } from './AdjustPoints';
import { MemberCard } from './MemberCard';
import { PointsLedger } from './PointsLedger';

export function MemberPanel({ member }: { member: Member }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Stack gap="sm">
      <MemberCard member={member}>{can('bookings.manage') && <AdjustPoints member={member} />}</MemberCard>
      <Divider label={t('members.ledger.title')} labelPosition="left" />
      <PointsLedger memberId={member.id} />
    </Stack>
  );
}
