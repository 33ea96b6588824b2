/**
 * The night audit: a confirmation that says what it does (it cannot be undone), then the bookings
 * it marked as no-shows.
 */
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMoon } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NightAuditResult } from '@shared/contract';
import { call } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { useRefreshBookings } from './desk-queries';
import { useStayFormat } from './stay-format';

export function NightAuditButton({ businessDate }: { businessDate: string }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const stay = useStayFormat();
  const refresh = useRefreshBookings();
  const [opened, setOpened] = useState(false);
  const [result, setResult] = useState<NightAuditResult | null>(null);
  const roll = useMutation({
    mutationFn: () => call('nightAudit.roll'),
    onSuccess: (value) => {
      setResult(value);
      refresh();
      notifications.show({ color: 'teal', message: t('desk.nightAudit.done', { date: stay.long(value.businessDate) }) });
    },
  });
  const close = () => {
    setOpened(false);
    setResult(null);
    roll.reset();
  };

  return (
    <>
      <Button variant="default" leftSection={<IconMoon size={16} />} onClick={() => setOpened(true)} data-testid="desk-night-audit">
        {t('desk.nightAudit.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('desk.nightAudit.title')} centered data-testid="night-audit-dialog">
        {result ? (
          <Stack gap="sm" data-testid="night-audit-result">
            <Alert color="teal">{t('desk.nightAudit.done', { date: stay.long(result.businessDate) })}</Alert>
            <Text fw={600}>{t('desk.nightAudit.noShowsTitle')}</Text>
            {result.noShows.length ? (
              <List size="sm" ff="monospace">
                {result.noShows.map((number) => (
                  <List.Item key={number}>{number}</List.Item>
                ))}
              </List>
            ) : (
              <Text c="dimmed" size="sm">
                {t('desk.nightAudit.noNoShows')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button onClick={close}>{t('common.close')}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text>{t('desk.nightAudit.intro', { date: stay.long(businessDate) })}</Text>
            <List size="sm" spacing={4}>
              <List.Item>{t('desk.nightAudit.noShows')}</List.Item>
              <List.Item>{t('desk.nightAudit.roll')}</List.Item>
              <List.Item>{t('desk.nightAudit.audit')}</List.Item>
            </List>
            <FormError message={roll.isError ? message(roll.error) : null} testId="night-audit-error" />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" loading={roll.isPending} onClick={() => roll.mutate()} data-testid="night-audit-confirm">
                {t('desk.nightAudit.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
