/**
 * The desk database could not be opened: what is wrong in plain words, the backups the host can
 * see (when, where, how big, whether intact) and a restore for an admin with the recovery
 * passphrase. No sign-in: the staff table may be what is lost.
 */
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  PasswordInput,
  Radio,
  Spoiler,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDatabaseOff, IconRestore } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type RecoveryBackup, type RecoveryStatus } from '@shared/contract';
import { useFormat } from '../../i18n/format';
import { CenteredPage } from '../../ui/CenteredPage';
import { FormError } from '../../ui/FormError';
import { useFormCall } from '../../ui/use-form-submit';

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function BackupsTable({
  backups,
  chosen,
  choose,
}: {
  backups: RecoveryBackup[];
  chosen: string | null;
  choose: (file: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing={6} data-testid="recovery-backups">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t('recovery.columns.time')}</Table.Th>
            <Table.Th>{t('recovery.columns.location')}</Table.Th>
            <Table.Th ta="right">{t('recovery.columns.size')}</Table.Th>
            <Table.Th>{t('recovery.columns.kind')}</Table.Th>
            <Table.Th>{t('recovery.columns.check')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr
              key={backup.file}
              data-testid="recovery-backup"
              style={{ cursor: backup.intact ? 'pointer' : 'default' }}
              onClick={() => backup.intact && choose(backup.file)}
            >
              <Table.Td>
                <Radio
                  checked={chosen === backup.file}
                  disabled={!backup.intact}
                  onChange={() => choose(backup.file)}
                  aria-label={fileName(backup.file)}
                />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} title={backup.file}>
                {format.dateTime(backup.at)}
              </Table.Td>
              <Table.Td>{t(`recovery.locations.${backup.location}`)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.bytes(backup.bytes)}
              </Table.Td>
              <Table.Td>{backup.encrypted ? t('recovery.kinds.encrypted') : t('recovery.kinds.plain')}</Table.Td>
              <Table.Td>
                <Badge variant="light" radius="sm" color={backup.intact ? 'teal' : 'red'}>
                  {backup.intact ? t('recovery.intact') : t('recovery.broken')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `folder`: where a fresh desk found the backup (recovery.find), else one of the desk's own folders. */
export function RestoreForm({ file, folder }: { file: string | null; folder?: string }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { passphrase: '' },
    validate: zod4Resolver(operations['recovery.restore'].input.pick({ passphrase: true })),
  });
  const restore = useFormCall(form, 'recovery.restore', {
    input: (values: typeof form.values) => ({
      file: file ?? '',
      passphrase: values.passphrase,
      ...(folder && { folder }),
    }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('recovery.restored') });
    },
    onError: () => form.setFieldValue('passphrase', ''),
    fieldLabels: { passphrase: t('recovery.passphrase') },
  });
  const chosen = file ? fileName(file) : null;
  return (
    <form noValidate onSubmit={restore.onSubmit}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('recovery.restoreTitle')}
        </Title>
        <Text size="sm">{t('recovery.restoreIntro')}</Text>
        <Text size="sm" data-testid="recovery-chosen">
          {chosen ? t('recovery.chosen', { file: chosen }) : t('recovery.choose')}
        </Text>
        <PasswordInput
          label={t('recovery.passphrase')}
          autoComplete="off"
          data-testid="recovery-passphrase"
          {...form.getInputProps('passphrase')}
        />
        <FormError message={restore.error} testId="recovery-error" />
        <Group justify="flex-end">
          <Button
            type="submit"
            color="orange"
            leftSection={<IconRestore size={16} />}
            loading={restore.pending}
            disabled={!file}
            data-testid="recovery-restore"
          >
            {t('recovery.restore')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RecoveryScreen({
  status,
  rescan,
  rescanning,
}: {
  status: RecoveryStatus;
  rescan: () => void;
  rescanning: boolean;
}) {
  const { t } = useTranslation();
  const problem = status.problem!;
  const firstIntact = status.backups.find((backup) => backup.intact)?.file ?? null;
  const [chosen, setChosen] = useState<string | null>(firstIntact);
  const file = status.backups.some((backup) => backup.file === chosen && backup.intact) ? chosen : firstIntact;
  return (
    <CenteredPage width={860}>
      <Stack gap="lg" data-testid="recovery-screen">
        <Group gap="sm" wrap="nowrap">
          <IconDatabaseOff size={32} color="var(--mantine-color-red-6)" aria-hidden />
          <Title order={2}>{t('recovery.title')}</Title>
        </Group>
        <Text>{t('recovery.intro')}</Text>
        <Alert color="red" variant="light" data-testid="recovery-problem" data-kind={problem.kind}>
          {t(`recovery.problems.${problem.kind}`)}
        </Alert>
        <Group gap={6}>
          <Text size="sm">{t('recovery.dataDir')}</Text>
          <Code>{problem.dataDir}</Code>
        </Group>
        <Spoiler maxHeight={0} showLabel={t('recovery.technical')} hideLabel={t('common.close')}>
          <Code block>{problem.detail}</Code>
        </Spoiler>
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h4">
              {t('recovery.backupsTitle')}
            </Title>
            <Button variant="default" size="xs" onClick={rescan} loading={rescanning} data-testid="recovery-rescan">
              {t('recovery.rescan')}
            </Button>
          </Group>
          {status.backups.length === 0 ? (
            <Text c="dimmed" size="sm" data-testid="recovery-no-backups">
              {t('recovery.noBackups')}
            </Text>
          ) : (
            <BackupsTable backups={status.backups} chosen={file} choose={setChosen} />
          )}
        </Stack>
        <RestoreForm file={file} />
      </Stack>
    </CenteredPage>
  );
}
