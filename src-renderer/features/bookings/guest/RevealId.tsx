/** The masked ID number, and for holders of guests.viewId a button that shows it in full (each showing is audited). */
import { Button, Group, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMutate } from '../../../api/use-call';
import { useErrorText } from '../../../i18n/errors';
import { useCan } from '../../../api/session';

export function RevealId({ guestId, masked }: { guestId: string; masked: string }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const can = useCan();
  const reveal = useMutate('guests.revealId');
  return (
    <Group gap="xs" wrap="nowrap">
      <Text ff="monospace" size="sm" data-testid="guest-id-number">
        {reveal.data?.idNumber ?? masked}
      </Text>
      {can('guests.viewId') && !reveal.data && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconEye size={12} />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate({ id: guestId })}
          data-testid="guest-reveal-id"
        >
          {t('desk.profile.reveal')}
        </Button>
      )}
      {reveal.isError && (
        <Text size="xs" c="red">
          {message(reveal.error)}
        </Text>
      )}
    </Group>
  );
}
