/** 年度等级评定: a confirmation that says it may lower tiers and cannot be undone, then the members whose tier changed. */
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { useCall, useMutate } from '../../api/use-call';

export function ReevaluateButton() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const tiers = useCall('members.tiers', {});
  const [opened, setOpened] = useState(false);
  const run = useMutate('members.reevaluate');
  const tierName = (code: string) => tiers.data?.find((tier) => tier.code === code)?.name ?? code;
  const close = () => {
    setOpened(false);
    run.reset();
  };
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconCalendarStats size={16} />}
        onClick={() => setOpened(true)}
        data-testid="members-reevaluate"
      >
        {t('members.reevaluate.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('members.reevaluate.title')}
        centered
        data-testid="reevaluate-dialog"
      >
        {run.data ? (
          <Stack gap="sm" data-testid="reevaluate-result">
            {run.data.changed.length ? (
              <>
                <Text fw={600}>{t('members.reevaluate.changed')}</Text>
                <List size="sm">
                  {run.data.changed.map((change) => (
                    <List.Item key={change.memberNo}>
                      <Text span ff="monospace" size="sm">
                        {change.memberNo}
                      </Text>{' '}
                      {tierName(change.from)} → {tierName(change.to)}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : (
              <Alert color="teal">{t('members.reevaluate.none')}</Alert>
            )}
            <Group justify="flex-end">
              <Button onClick={close}>{t('common.close')}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{t('members.reevaluate.intro')}</Text>
            <FormError message={run.isError ? message(run.error) : null} testId="reevaluate-error" />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                color="orange"
                loading={run.isPending}
                onClick={() => run.mutate()}
                data-testid="reevaluate-confirm"
              >
                {t('members.reevaluate.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
