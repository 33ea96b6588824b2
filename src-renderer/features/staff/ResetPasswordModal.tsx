/** An administrator sets a new password for a staff member (which also clears a lockout). */
import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type StaffMember } from '@shared/contract';
import { call } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { useStaffMutation } from './use-staff-mutation';

function ResetForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const { t } = useTranslation();
  const { forForm } = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { id: member.id, password: '' }, validate: zod4Resolver(operations['staff.resetPassword'].input) });

  const reset = useStaffMutation((values: typeof form.values) => call('staff.resetPassword', values), {
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: t('staff.passwordReset', { name: saved.displayName }) });
      onDone();
    },
    onError: (thrown) => setError(forForm(form, thrown)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setError(null);
        reset.mutate(values);
      })}
    >
      <Stack>
        <PasswordInput
          label={t('staff.newPassword')}
          description={t('setup.passwordHint')}
          autoComplete="new-password"
          data-autofocus
          data-testid="staff-reset-password"
          {...form.getInputProps('password')}
        />
        <FormError message={error} testId="staff-form-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={reset.isPending} data-testid="staff-reset-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ResetPasswordModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={member !== null} onClose={onClose} title={member && t('staff.resetTitle', { name: member.displayName })} centered>
      {member && <ResetForm key={member.id} member={member} onDone={onClose} />}
    </Modal>
  );
}
