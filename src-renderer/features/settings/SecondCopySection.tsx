/** The second copy of each backup on a separate device: its folder, how old it may grow, and when the last one was verified. */
import { Alert, Button, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type SecondCopyStatus } from '@shared/contract';
import { callKey } from '../../api/query-client';
import { useFormat } from '../../i18n/format';
import { FormError } from '../../ui/FormError';
import { useFormCall } from '../../ui/use-form-submit';

export function SecondCopySection({ second }: { second: SecondCopyStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { folder: second.folder ?? '', maxDays: second.maxDays },
    validate: zod4Resolver(operations['backup.setSecondLocation'].input),
  });

  const save = useFormCall(form, 'backup.setSecondLocation', {
    input: (values: typeof form.values) => values,
    onSuccess: (status) => {
      client.setQueryData(callKey('backup.status'), status);
      form.resetDirty({ folder: status.second.folder ?? '', maxDays: status.second.maxDays });
      notifications.show({ color: 'teal', message: t('backups.saved') });
    },
    fieldLabels: { folder: t('backups.secondFolder'), maxDays: t('backups.maxDays') },
  });

  return (
    <form noValidate onSubmit={save.onSubmit}>
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t('backups.secondTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('backups.secondIntro')}
        </Text>
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            label={t('backups.secondFolder')}
            description={t('backups.secondFolderHint')}
            style={{ flex: 1 }}
            data-testid="second-folder"
            {...form.getInputProps('folder')}
          />
          <NumberInput
            label={t('backups.maxDays')}
            description={t('backups.maxDaysHint')}
            min={1}
            max={90}
            w={180}
            data-testid="second-max-days"
            {...form.getInputProps('maxDays')}
          />
        </Group>
        {second.folder && second.sameDisk !== false && (
          <Alert color="orange" variant="light" data-testid="second-folder-warning">
            {second.sameDisk ? t('backups.sameDisk') : t('backups.unreachable')}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c={second.overdue ? 'orange' : 'dimmed'} data-testid="second-last-copy">
            {second.lastCopyAt ? t('backups.lastCopy', { at: format.dateTime(second.lastCopyAt) }) : t('backups.never')}
          </Text>
          <Button
            type="submit"
            variant="default"
            loading={save.pending}
            disabled={!form.isDirty()}
            data-testid="second-save"
          >
            {t('backups.save')}
          </Button>
        </Group>
        <FormError message={save.error} testId="second-error" />
      </Stack>
    </form>
  );
}
