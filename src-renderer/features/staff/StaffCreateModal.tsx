/** Adding a staff member: username, name, role and an initial password. */
import { Modal, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations } from '@shared/contract';
import type { Role } from '@shared/permissions';
import { ModalForm } from '../../ui/ModalForm';
import { NewPasswordInput } from '../../ui/NewPasswordInput';
import { RoleSelect } from './RoleSelect';
import { useFormCall } from '../../ui/use-form-submit';

export function StaffCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { username: '', displayName: '', role: 'agent' as Role, password: '' },
    validate: zod4Resolver(operations['staff.create'].input),
  });

  const create = useFormCall(form, 'staff.create', {
    input: (values: typeof form.values) => values,
    onSuccess: (member) => {
      notifications.show({ color: 'teal', message: t('staff.created', { name: member.displayName }) });
      close();
    },
  });

  function close() {
    create.discard();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('staff.create')} centered>
      <ModalForm
        onSubmit={create.onSubmit}
        onCancel={close}
        error={create.error}
        pending={create.pending}
        errorTestId="staff-form-error"
        submitTestId="staff-form-submit"
      >
        <TextInput
          label={t('staff.username')}
          description={t('setup.usernameHint')}
          autoComplete="off"
          data-autofocus
          data-testid="staff-form-username"
          {...form.getInputProps('username')}
        />
        <TextInput
          label={t('staff.displayName')}
          data-testid="staff-form-display-name"
          {...form.getInputProps('displayName')}
        />
        <RoleSelect label={t('staff.role')} data-testid="staff-form-role" {...form.getInputProps('role')} />
        <NewPasswordInput
          label={t('staff.password')}
          data-testid="staff-form-password"
          {...form.getInputProps('password')}
        />
      </ModalForm>
    </Modal>
  );
}
