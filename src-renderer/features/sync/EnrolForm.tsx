/** Connects this desk to the central server with an enrolment code an administrator generated there. */
import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlugConnected } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type OutputOf } from '@shared/contract';
import { call } from '../../api/client';
import { FormError } from '../../ui/FormError';
import { useFormSubmit } from '../../ui/use-form-submit';
import { syncKeys } from './sync-queries';

export type EnrolMode = OutputOf<'sync.enrol'>['mode'];

export function EnrolForm({ onEnrolled }: { onEnrolled: (mode: EnrolMode) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ initialValues: { serverUrl: '', code: '' }, validate: zod4Resolver(operations['sync.enrol'].input) });
  const enrol = useFormSubmit(form, {
    mutationFn: (values: typeof form.values) => call('sync.enrol', values),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: syncKeys.status });
      onEnrolled(result.mode);
    },
    fieldLabels: { serverUrl: t('sync.settings.serverUrl'), code: t('sync.settings.code') },
  });
  return (
    <form noValidate onSubmit={enrol.onSubmit}>
      <Stack gap="sm">
        <TextInput label={t('sync.settings.serverUrl')} description={t('sync.settings.serverUrlHint')} autoComplete="off" data-testid="sync-enrol-url" {...form.getInputProps('serverUrl')} />
        <PasswordInput label={t('sync.settings.code')} description={t('sync.settings.codeHint')} autoComplete="off" data-testid="sync-enrol-code" {...form.getInputProps('code')} />
        <FormError message={enrol.error} testId="sync-enrol-error" />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconPlugConnected size={16} />} loading={enrol.pending} data-testid="sync-enrol-submit">
            {t('sync.settings.enrol')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
