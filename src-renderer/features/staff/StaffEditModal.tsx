/** Editing a staff member: name, role and whether the account is active. */
import { Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type StaffMember } from '@shared/contract';
import { ModalForm } from '../../ui/ModalForm';
import { MemberModal } from './MemberModal';
import { RoleSelect } from './RoleSelect';
import { useFormCall } from '../../ui/use-form-submit';

function EditForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { id: member.id, displayName: member.displayName, role: member.role, active: member.active },
    validate: zod4Resolver(operations['staff.update'].input),
  });

  const update = useFormCall(form, 'staff.update', {
    input: (values: typeof form.values) => values,
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: t('staff.updated', { name: saved.displayName }) });
      onDone();
    },
  });

  return (
    <ModalForm
      onSubmit={update.onSubmit}
      onCancel={onDone}
      error={update.error}
      pending={update.pending}
      errorTestId="staff-form-error"
      submitTestId="staff-form-submit"
    >
      <TextInput
        label={t('staff.displayName')}
        data-autofocus
        data-testid="staff-form-display-name"
        {...form.getInputProps('displayName')}
      />
      <RoleSelect label={t('staff.role')} data-testid="staff-form-role" {...form.getInputProps('role')} />
      <Switch
        label={t('staff.active')}
        data-testid="staff-form-active"
        {...form.getInputProps('active', { type: 'checkbox' })}
      />
    </ModalForm>
  );
}

export function StaffEditModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <MemberModal
      member={member}
      onClose={onClose}
      title={(chosen) => t('staff.editTitle', { name: chosen.displayName })}
    >
      {(chosen) => <EditForm member={chosen} onDone={onClose} />}
    </MemberModal>
  );
}
