/**
 * A guest's profile, opened from the search or a booking (`?guest=<id>`): details with the ID
 * number masked (shown in full only on request, with the permission, and audited), the
 * membership, the stays, the customer documents (客户资料), and editing.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Divider, Drawer, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../i18n/errors';
import { useFormat } from '../../../i18n/format';
import { useCan } from '../../../api/session';
import { GuestMembership } from '../../members/GuestMembership';
import { ComplaintHistory } from '../../complaints/ComplaintHistory';
import { CustomerDocuments } from '../../archive/CustomerDocuments';
import { DayTable } from '../DayTable';
import { closeGuest } from '../overlays';
import { GuestEditModal } from './GuestEditModal';
import { RevealId } from './RevealId';
import { Fact } from '../../../ui/Fact';
import { useCall } from '../../../api/use-call';

export function GuestDrawer({ guestId }: { guestId: string | null }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const format = useFormat();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const profile = useCall('guests.get', { id: guestId ?? '' }, { enabled: guestId !== null });
  const guest = profile.data;
  return (
    <Drawer
      opened={guestId !== null}
      onClose={closeGuest}
      position="right"
      size={720}
      title={<Title order={3}>{t('desk.profile.title')}</Title>}
      data-testid="guest-drawer"
    >
      {profile.isPending && <Loader size="sm" />}
      {profile.isError && <Alert color="red">{message(profile.error)}</Alert>}
      {guest && (
        <Stack gap="md">
          <Group justify="space-between">
            <Group gap="xs">
              <Title order={2} size="h3" data-testid="guest-name">
                {guest.name}
              </Title>
              <Text ff="monospace" c="dimmed">
                {guest.customerNo}
              </Text>
              {guest.temporary && (
                <Badge color="orange" variant="light">
                  {t('desk.profile.temporary')}
                </Badge>
              )}
            </Group>
            {can('guests.manage') && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconEdit size={14} />}
                onClick={() => setEditing(true)}
                data-testid="guest-edit"
              >
                {t('desk.profile.edit')}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <Fact label={t('desk.profile.phone')}>{guest.phone ?? t('common.empty')}</Fact>
            <Fact label={t('desk.profile.email')}>{guest.email ?? t('common.empty')}</Fact>
            <Fact label={t('desk.profile.idType')}>
              {guest.idType ? t(`desk.profile.idTypes.${guest.idType}`) : t('common.empty')}
            </Fact>
            <Fact label={t('desk.profile.idNumber')}>
              {guest.idNumber ? <RevealId guestId={guest.id} masked={guest.idNumber} /> : t('common.empty')}
            </Fact>
            <Fact label={t('desk.profile.segment')}>{t(`guests.segments.${guest.segment}`)}</Fact>
            <Fact label={t('desk.profile.since')}>{format.dateTime(guest.createdAt)}</Fact>
            <Fact label={t('desk.profile.preferences')}>{guest.preferences || t('common.empty')}</Fact>
            <Fact label={t('desk.profile.specialNeeds')}>{guest.specialNeeds || t('common.empty')}</Fact>
          </SimpleGrid>
          <Divider label={t('members.section')} labelPosition="left" />
          <GuestMembership guestId={guest.id} />
          <Divider label={t('desk.profile.stays')} labelPosition="left" />
          <DayTable
            bookings={guest.stays}
            emptyText={t('desk.profile.noStays')}
            testId="guest-stays"
            withGuest={false}
          />
          <ComplaintHistory subject={{ guestId: guest.id }} />
          <CustomerDocuments subjectType="guest" subjectId={guest.id} />
          {editing && <GuestEditModal guest={guest} onClose={() => setEditing(false)} />}
        </Stack>
      )}
    </Drawer>
  );
}
