/** The guest profile's membership: the member panel, or for a non-member the way to enrol. */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { useCan } from '../../api/session';
import { EnrolMember } from './EnrolMember';
import { MemberPanel } from './MemberPanel';
import { useCall } from '../../api/use-call';

export function GuestMembership({ guestId }: { guestId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const member = useCall('members.forGuest', { guestId });
  return (
    <QueryState query={member}>
      {(found) =>
        found ? (
          <MemberPanel member={found} />
        ) : (
          <Group justify="space-between" data-testid="member-none">
            <Text size="sm" c="dimmed">
              {t('members.notMember')}
            </Text>
            {can('guests.manage') && <EnrolMember guestId={guestId} />}
          </Group>
        )
      }
    </QueryState>
  );
}
