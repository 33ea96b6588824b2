/** This desk's backups: the folder they go to, the files made so far (encrypted or not), a backup on demand and the second copy. */
import { Alert, Badge, Button, Divider, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type BackupStatus } from '@shared/contract';
import { callKey, invalidate } from '../../api/query-client';
import { useCall, useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { FormError } from '../../ui/FormError';
import { useFormCall } from '../../ui/use-form-submit';
import { SecondCopySection } from './SecondCopySection';

function FolderForm({ folder }: { folder: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ initialValues: { folder }, validate: zod4Resolver(operations['backup.setFolder'].input) });

  const save = useFormCall(form, 'backup.setFolder', {
    input: (values: typeof form.values) => values,
    onSuccess: (status) => {
      client.setQueryData(callKey('backup.status'), status);
      form.resetDirty({ folder: status.folder });
      notifications.show({ color: 'teal', message: t('settings.folderSaved') });
    },
    fieldLabels: { folder: t('settings.folder') },
  });

  return (
    <form noValidate onSubmit={save.onSubmit}>
      <Stack gap="xs">
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            label={t('settings.folder')}
            description={t('settings.folderHint')}
            style={{ flex: 1 }}
            data-testid="backup-folder"
            {...form.getInputProps('folder')}
          />
          <Button
            type="submit"
            variant="default"
            mt={46}
            loading={save.pending}
            disabled={!form.isDirty()}
            data-testid="backup-folder-save"
          >
            {t('settings.saveFolder')}
          </Button>
        </Group>
        <FormError message={save.error} testId="backup-folder-error" />
      </Stack>
    </form>
  );
}

/** The file's name without its folder, which the form above already shows. */
function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function BackupList({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (status.backups.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('settings.noBackups')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing={6} data-testid="backup-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.backupTime')}</Table.Th>
            <Table.Th>{t('settings.backupFile')}</Table.Th>
            <Table.Th>{t('backups.kind')}</Table.Th>
            <Table.Th ta="right">{t('settings.backupSize')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {status.backups.map((backup) => (
            <Table.Tr key={backup.file}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(backup.at)}</Table.Td>
              <Table.Td ff="monospace" fz="xs" title={backup.file} style={{ wordBreak: 'break-all' }}>
                {fileName(backup.file)}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" radius="sm" color={backup.encrypted ? 'teal' : 'gray'}>
                  {backup.encrypted ? t('backups.encrypted') : t('backups.plain')}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.bytes(backup.bytes)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function BackupsSection() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const client = useQueryClient();
  const status = useCall('backup.status', {});
  const run = useMutate('backup.run', {
    onSuccess: (made) => {
      notifications.show({
        color: 'teal',
        message: made.secondCopy ? t('backups.secondCopied', { file: made.secondCopy }) : t('settings.backupDone'),
      });
    },
    onError: (thrown) => {
      // A failed second copy still made the first: the list changed.
      invalidate(client, ['backup.status']);
      notifications.show({ color: 'red', message: message(thrown) });
    },
  });

  if (status.isPending) return <Loader size="sm" />;
  if (status.isError) return <Alert color="red">{message(status.error)}</Alert>;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('backups.encryptionNote')}
      </Text>
      <FolderForm key={status.data.folder} folder={status.data.folder} />
      <Group justify="flex-end">
        <Button
          leftSection={<IconDatabaseExport size={16} />}
          loading={run.isPending}
          onClick={() => run.mutate()}
          data-testid="backup-run"
        >
          {t('settings.runBackup')}
        </Button>
      </Group>
      <BackupList status={status.data} />
      <Divider />
      <SecondCopySection
        key={`${status.data.second.folder}|${status.data.second.maxDays}`}
        second={status.data.second}
      />
    </Stack>
  );
}
