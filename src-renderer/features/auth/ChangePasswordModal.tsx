/** Changing one's own password: the current one, the new one twice. */
import { Modal, PasswordInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations } from '@shared/contract';
import { ModalForm } from '../../ui/ModalForm';
import { NewPasswordInput } from '../../ui/NewPasswordInput';
import { useFormCall } from '../../ui/use-form-submit';
import { confirmMismatch } from './confirm-password';

const changeInput = operations['auth.changePassword'].input;

/** The contract's input plus the new password typed twice. */
const changeSchema = changeInput
  .extend({ confirmPassword: changeInput.shape.newPassword })
  .refine((values) => values.newPassword === values.confirmPassword, confirmMismatch);

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: zod4Resolver(changeSchema),
  });

  const change = useFormCall(form, 'auth.changePassword', {
    input: ({ currentPassword, newPassword }: typeof form.values) => ({ currentPassword, newPassword }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('changePassword.done') });
      close();
    },
  });

  function close() {
    change.discard();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('changePassword.title')} centered>
      <ModalForm
        onSubmit={change.onSubmit}
        onCancel={close}
        error={change.error}
        pending={change.pending}
        errorTestId="change-password-error"
        submitTestId="change-password-submit"
      >
        <PasswordInput
          label={t('changePassword.current')}
          autoComplete="current-password"
          data-autofocus
          data-testid="change-password-current"
          {...form.getInputProps('currentPassword')}
        />
        <NewPasswordInput
          label={t('changePassword.next')}
          data-testid="change-password-new"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('changePassword.confirm')}
          autoComplete="new-password"
          data-testid="change-password-confirm"
          {...form.getInputProps('confirmPassword')}
        />
      </ModalForm>
    </Modal>
  );
}
