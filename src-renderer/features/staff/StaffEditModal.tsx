/** Editing a staff member: name, role and whether the account is active. */
import { useState } from 'react';
import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type StaffMember } from '@shared/contract';
import { call } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { RoleSelect } from './RoleSelect';
import { useStaffMutation } from './use-staff-mutation';

function EditForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const { t } = useTranslation();
  const { forForm } = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { id: member.id, displayName: member.displayName, role: member.role, active: member.active },
    validate: zod4Resolver(operations['staff.update'].input),
  });

  const update = useStaffMutation((values: typeof form.values) => call('staff.update', values), {
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: t('staff.updated', { name: saved.displayName }) });
      onDone();
    },
    onError: (thrown) => setError(forForm(form, thrown)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setError(null);
        update.mutate(values);
      })}
    >
      <Stack>
        <TextInput label={t('staff.displayName')} data-autofocus data-testid="staff-form-display-name" {...form.getInputProps('displayName')} />
        <RoleSelect label={t('staff.role')} data-testid="staff-form-role" {...form.getInputProps('role')} />
        <Switch label={t('staff.active')} data-testid="staff-form-active" {...form.getInputProps('active', { type: 'checkbox' })} />
        <FormError message={error} testId="staff-form-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="staff-form-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function StaffEditModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={member !== null} onClose={onClose} title={member && t('staff.editTitle', { name: member.displayName })} centered>
      {member && <EditForm key={member.id} member={member} onDone={onClose} />}
    </Modal>
  );
}
