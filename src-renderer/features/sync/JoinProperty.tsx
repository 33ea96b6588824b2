/**
 * The first-run alternative to setting up a property: join one that is already on the central
 * server. Once enrolled the desk pulls the property; the pull's event refreshes the setup status
 * (see live-queries), and the sign-in screen takes over.
 */
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EnrolForm } from './EnrolForm';

export function JoinProperty({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [joined, setJoined] = useState(false);

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('sync.join.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('sync.join.intro')}
        </Text>
      </div>
      {joined ? (
        <Group gap="sm" data-testid="sync-join-waiting">
          <Loader size="sm" />
          <Text>{t('sync.join.waiting')}</Text>
        </Group>
      ) : (
        <>
          <EnrolForm onEnrolled={() => setJoined(true)} />
          <Button variant="subtle" onClick={onBack} data-testid="sync-join-back">
            {t('sync.join.back')}
          </Button>
        </>
      )}
    </Stack>
  );
}
