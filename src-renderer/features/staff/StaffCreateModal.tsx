/** Adding a staff member: username, name, role and an initial password. */
import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations } from '@shared/contract';
import type { Role } from '@shared/permissions';
import { call } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { RoleSelect } from './RoleSelect';
import { useStaffMutation } from './use-staff-mutation';

export function StaffCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { forForm } = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { username: '', displayName: '', role: 'agent' as Role, password: '' },
    validate: zod4Resolver(operations['staff.create'].input),
  });

  const close = () => {
    form.reset();
    setError(null);
    onClose();
  };

  const create = useStaffMutation((values: typeof form.values) => call('staff.create', values), {
    onSuccess: (member) => {
      notifications.show({ color: 'teal', message: t('staff.created', { name: member.displayName }) });
      close();
    },
    onError: (thrown) => setError(forForm(form, thrown)),
  });

  return (
    <Modal opened={opened} onClose={close} title={t('staff.create')} centered>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setError(null);
          create.mutate(values);
        })}
      >
        <Stack>
          <TextInput
            label={t('staff.username')}
            description={t('setup.usernameHint')}
            autoComplete="off"
            data-autofocus
            data-testid="staff-form-username"
            {...form.getInputProps('username')}
          />
          <TextInput label={t('staff.displayName')} data-testid="staff-form-display-name" {...form.getInputProps('displayName')} />
          <RoleSelect label={t('staff.role')} data-testid="staff-form-role" {...form.getInputProps('role')} />
          <PasswordInput
            label={t('staff.password')}
            description={t('setup.passwordHint')}
            autoComplete="new-password"
            data-testid="staff-form-password"
            {...form.getInputProps('password')}
          />
          <FormError message={error} testId="staff-form-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="staff-form-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
