/**
 * The first-run alternative to setting up a property: join one that is already on the central
 * server. Once enrolled the desk pulls the property; the setup status is re-read until the
 * property has arrived, and the sign-in screen takes over.
 */
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-client';
import { EnrolForm } from './EnrolForm';

const RECHECK_MS = 1_000;

export function JoinProperty({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [joined, setJoined] = useState(false);
  useEffect(() => {
    if (!joined) return;
    const timer = setInterval(() => void client.invalidateQueries({ queryKey: queryKeys.setup }), RECHECK_MS);
    return () => clearInterval(timer);
  }, [client, joined]);

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
