/** An administrator sets a new password for a staff member (which also clears a lockout). */
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type StaffMember } from '@shared/contract';
import { ModalForm } from '../../ui/ModalForm';
import { NewPasswordInput } from '../../ui/NewPasswordInput';
import { MemberModal } from './MemberModal';
import { useFormCall } from '../../ui/use-form-submit';

function ResetForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { id: member.id, password: '' },
    validate: zod4Resolver(operations['staff.resetPassword'].input),
  });

  const reset = useFormCall(form, 'staff.resetPassword', {
    input: (values: typeof form.values) => values,
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: t('staff.passwordReset', { name: saved.displayName }) });
      onDone();
    },
  });

  return (
    <ModalForm
      onSubmit={reset.onSubmit}
      onCancel={onDone}
      error={reset.error}
      pending={reset.pending}
      errorTestId="staff-form-error"
      submitTestId="staff-reset-submit"
    >
      <NewPasswordInput
        label={t('staff.newPassword')}
        data-autofocus
        data-testid="staff-reset-password"
        {...form.getInputProps('password')}
      />
    </ModalForm>
  );
}

export function ResetPasswordModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <MemberModal
      member={member}
      onClose={onClose}
      title={(chosen) => t('staff.resetTitle', { name: chosen.displayName })}
    >
      {(chosen) => <ResetForm member={chosen} onDone={onClose} />}
    </MemberModal>
  );
}
