/**
 * A member at a glance: numbers, tier, the derived balance with what still waits for the server,
 * what lapses soon, and how far the next tier is (spend or nights, whichever is closer).
 */
import type { ReactNode } from 'react';
import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '@shared/contract';
import { useMoney } from '../../ui/money';
import { useNameIn } from '../../i18n/use-local-names';
import { TierBadge } from './TierBadge';
import { usePoints } from './use-points';
import { Fact } from '../../ui/Fact';

/** The share of the way to the next tier, by whichever of spend and nights is further along. */
function progressToNext(member: Member): number {
  if (!member.nextTier) return 100;
  const { spendFen, nights } = member.qualifying;
  const spendShare = spendFen / (spendFen + member.nextTier.spendGapFen || 1);
  const nightShare = nights / (nights + member.nextTier.nightsGap || 1);
  return Math.round(Math.min(1, Math.max(spendShare, nightShare)) * 100);
}

export function MemberCard({ member, children }: { member: Member; children?: ReactNode }) {
  const { t } = useTranslation();
  const nameIn = useNameIn();
  const money = useMoney();
  const points = usePoints();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="member-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <TierBadge tier={member.tier} size="lg" />
            <Text fw={700}>{member.guest.name}</Text>
          </Group>
          {children}
        </Group>
        <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
          <Fact label={t('members.card.memberNo')} testId="member-no">
            <Text ff="monospace" inherit>
              {member.memberNo}
            </Text>
          </Fact>
          <Fact label={t('members.card.cardNo')} testId="member-card-no">
            {member.cardNo ?? t('common.empty')}
          </Fact>
          <Fact label={t('members.card.joined')}>{member.joinedOn}</Fact>
          <Fact label={t('members.card.balance')}>
            <Group gap={6}>
              <Text fw={700} size="lg" data-testid="member-balance">
                {points(member.balance)}
              </Text>
              {member.pendingRedeemed > 0 && (
                <Tooltip label={t('members.card.pendingHint')}>
                  <Badge color="orange" variant="light" data-testid="member-pending">
                    {t('members.card.pending', { points: points(member.pendingRedeemed) })}
                  </Badge>
                </Tooltip>
              )}
            </Group>
          </Fact>
          <Fact label={t('members.card.expiring')} testId="member-expiring">
            {member.expiringSoon.points > 0 && member.expiringSoon.by
              ? t('members.card.expiringBy', {
                  points: points(member.expiringSoon.points),
                  date: member.expiringSoon.by,
                })
              : t('common.empty')}
          </Fact>
          <Fact label={t('members.card.nextTier')} testId="member-next-tier">
            <Progress value={progressToNext(member)} size="sm" mt={6} mb={4} />
            <Text size="xs" c="dimmed">
              {member.nextTier
                ? t('members.card.nextTierGap', {
                    spend: money(member.nextTier.spendGapFen),
                    nights: member.nextTier.nightsGap,
                    name: nameIn(member.nextTier),
                  })
                : t('members.card.topTier')}
            </Text>
          </Fact>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
