/** Changing one's own password: the current one, the new one twice. */
import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { operations } from '@shared/contract';
import { call } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';

const changeInput = operations['auth.changePassword'].input;

/** The contract's input plus the new password typed twice. */
const changeSchema = changeInput
  .extend({ confirmPassword: changeInput.shape.newPassword })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ['confirmPassword'], error: () => i18n.t('setup.passwordMismatch') });

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { forForm } = useErrorText();
  const [error, setError] = useState<string | null>(null);

  const form = useForm({ initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' }, validate: zod4Resolver(changeSchema) });

  const close = () => {
    form.reset();
    setError(null);
    onClose();
  };

  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: typeof form.values) => call('auth.changePassword', { currentPassword, newPassword }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('changePassword.done') });
      close();
    },
    onError: (thrown) => setError(forForm(form, thrown)),
  });

  return (
    <Modal opened={opened} onClose={close} title={t('changePassword.title')} centered>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setError(null);
          change.mutate(values);
        })}
      >
        <Stack>
          <PasswordInput label={t('changePassword.current')} autoComplete="current-password" data-autofocus data-testid="change-password-current" {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label={t('changePassword.next')}
            description={t('setup.passwordHint')}
            autoComplete="new-password"
            data-testid="change-password-new"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label={t('changePassword.confirm')} autoComplete="new-password" data-testid="change-password-confirm" {...form.getInputProps('confirmPassword')} />
          <FormError message={error} testId="change-password-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
