/**
 * Connects this desk to the central server with an enrolment code an administrator generated there.
 * On a desk that is set up the signed-in administrator types their password again (`confirmPassword`);
 * the first-run join screen has nothing to protect and asks for none. Plain http:// to another
 * machine needs the explicit "insecure (lab only)" box, which appears only for such an address.
 */
import { Button, Checkbox, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlugConnected } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type OutputOf } from '@shared/contract';
import { serverTransport } from '@shared/sync/transport';
import { FormError } from '../../ui/FormError';
import { useFormCall } from '../../ui/use-form-submit';

export type EnrolMode = OutputOf<'sync.enrol'>['mode'];

/** An address that would be plain HTTP over a network (a half-typed one is not, yet). */
function plainHttpOverNetwork(serverUrl: string): boolean {
  return /^http:\/\/./i.test(serverUrl.trim()) && serverTransport(serverUrl.trim()) === 'insecure';
}

export function EnrolForm({
  onEnrolled,
  confirmPassword = false,
}: {
  onEnrolled: (mode: EnrolMode) => void;
  confirmPassword?: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { serverUrl: '', code: '', password: '', allowInsecure: false },
    validate: zod4Resolver(operations['sync.enrol'].input),
  });
  const insecure = plainHttpOverNetwork(form.values.serverUrl);
  const enrol = useFormCall(form, 'sync.enrol', {
    input: ({ serverUrl, code, password, allowInsecure }) => ({
      serverUrl,
      code,
      allowInsecure: insecure && allowInsecure,
      ...(confirmPassword && { password }),
    }),
    onSuccess: (result) => {
      form.setFieldValue('password', '');
      onEnrolled(result.mode);
    },
    onError: () => form.setFieldValue('password', ''),
    fieldLabels: {
      serverUrl: t('sync.settings.serverUrl'),
      code: t('sync.settings.code'),
      password: t('sync.settings.password'),
    },
  });
  return (
    <form noValidate onSubmit={enrol.onSubmit}>
      <Stack gap="sm">
        <TextInput
          label={t('sync.settings.serverUrl')}
          description={t('sync.settings.serverUrlHint')}
          autoComplete="off"
          data-testid="sync-enrol-url"
          {...form.getInputProps('serverUrl')}
        />
        {insecure && (
          <Checkbox
            color="red"
            label={t('sync.settings.allowInsecure')}
            description={t('sync.settings.allowInsecureHint')}
            data-testid="sync-enrol-insecure"
            {...form.getInputProps('allowInsecure', { type: 'checkbox' })}
          />
        )}
        <PasswordInput
          label={t('sync.settings.code')}
          description={t('sync.settings.codeHint')}
          autoComplete="off"
          data-testid="sync-enrol-code"
          {...form.getInputProps('code')}
        />
        {confirmPassword && (
          <PasswordInput
            label={t('sync.settings.password')}
            description={t('sync.settings.passwordHint')}
            autoComplete="current-password"
            data-testid="sync-enrol-password"
            {...form.getInputProps('password')}
          />
        )}
        <FormError message={enrol.error} testId="sync-enrol-error" />
        <Group justify="flex-end">
          <Button
            type="submit"
            leftSection={<IconPlugConnected size={16} />}
            loading={enrol.pending}
            data-testid="sync-enrol-submit"
          >
            {t('sync.settings.enrol')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
