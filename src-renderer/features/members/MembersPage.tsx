/** 会员: look a member up by number or card, this week's care tasks, the tiers, and the yearly tier review. */
import { Divider, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../../api/session';
import { CareTasks } from './CareTasks';
import { MemberLookup } from './MemberLookup';
import { ReevaluateButton } from './ReevaluateButton';
import { TiersTable } from './TiersTable';

export function MembersPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Stack gap="md">
      <PageHeader title={t('members.title')}>{can('nightAudit.run') && <ReevaluateButton />}</PageHeader>
      <MemberLookup />
      <Divider label={t('members.care.title')} labelPosition="left" />
      <CareTasks />
      <Divider label={t('members.tiers.title')} labelPosition="left" />
      <TiersTable />
    </Stack>
  );
}
