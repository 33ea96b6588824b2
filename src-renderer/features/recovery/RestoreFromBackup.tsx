/**
 * The first-run alternative for a new PC: the admin names the folder that holds the old desk's
 * backups (a drive, a share), picks one and restores it with the recovery passphrase; the app then
 * goes on to sign-in with the property's accounts.
 */
import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type RecoveryBackup } from '@shared/contract';
import { call } from '../../api/client';
import { FormError } from '../../ui/FormError';
import { useFormSubmit } from '../../ui/use-form-submit';
import { BackupsTable, RestoreForm } from './RecoveryScreen';

export function RestoreFromBackup({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<{ folder: string; backups: RecoveryBackup[] } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const form = useForm({ initialValues: { folder: '' }, validate: zod4Resolver(operations['recovery.find'].input) });
  const find = useFormSubmit(form, {
    mutationFn: (values: typeof form.values) =>
      call('recovery.find', values).then((backups) => ({ folder: values.folder.trim(), backups })),
    onSuccess: (result) => {
      setFound(result);
      setChosen(result.backups.find((backup) => backup.intact)?.file ?? null);
    },
    fieldLabels: { folder: t('recovery.fresh.folder') },
  });

  return (
    <Stack gap="md" data-testid="restore-fresh">
      <div>
        <Title order={2}>{t('recovery.fresh.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('recovery.fresh.intro')}
        </Text>
      </div>
      <form noValidate onSubmit={find.onSubmit}>
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            label={t('recovery.fresh.folder')}
            description={t('recovery.fresh.folderHint')}
            style={{ flex: 1 }}
            data-autofocus
            data-testid="restore-fresh-folder"
            {...form.getInputProps('folder')}
          />
          <Button type="submit" variant="default" mt={46} loading={find.pending} data-testid="restore-fresh-find">
            {t('recovery.fresh.find')}
          </Button>
        </Group>
        <FormError message={find.error} testId="restore-fresh-error" />
      </form>
      {found &&
        (found.backups.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="restore-fresh-none">
            {t('recovery.fresh.none')}
          </Text>
        ) : (
          <>
            <BackupsTable backups={found.backups} chosen={chosen} choose={setChosen} />
            <RestoreForm file={chosen} folder={found.folder} />
          </>
        ))}
      <Button variant="subtle" onClick={onBack} style={{ alignSelf: 'flex-start' }} data-testid="restore-fresh-back">
        {t('recovery.fresh.back')}
      </Button>
    </Stack>
  );
}
