/** The locked desk: who is signed in, their password to unlock, or sign out to switch user. */
import { Avatar, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations } from '@shared/contract';
import { AppError } from '@shared/errors';
import { invalidate } from '../../api/query-client';
import { CenteredPage } from '../../ui/CenteredPage';
import { FormError } from '../../ui/FormError';
import { useFormCall } from '../../ui/use-form-submit';
import { useSession, useStoreSession } from '../../api/session';
import { useSignOut } from './session-actions';

export function LockScreen() {
  const { t } = useTranslation();
  const { user, property, desk } = useSession();
  const client = useQueryClient();
  const storeSession = useStoreSession();
  const signOut = useSignOut();

  const form = useForm({ initialValues: { password: '' }, validate: zod4Resolver(operations['auth.unlock'].input) });

  const unlock = useFormCall(form, 'auth.unlock', {
    input: (values: typeof form.values) => values,
    onSuccess: storeSession,
    onError: (thrown) => {
      form.setFieldValue('password', '');
      // A disabled account is signed out by the service: re-read the session to show sign-in.
      if (thrown instanceof AppError && thrown.code === 'ACCOUNT_DISABLED') invalidate(client, ['auth.session']);
    },
  });

  return (
    <CenteredPage width={380}>
      <form noValidate onSubmit={unlock.onSubmit}>
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <Avatar color="teal" radius="xl">
              <IconLock size={20} />
            </Avatar>
            <div>
              <Title order={3}>{t('lock.title')}</Title>
              <Text size="sm" c="dimmed">
                {property.name} · {t('shell.desk', { code: desk.code })}
              </Text>
            </div>
          </Group>
          <Text data-testid="lock-user">
            {t('lock.signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}
          </Text>
          <PasswordInput
            label={t('lock.password')}
            autoComplete="current-password"
            autoFocus
            data-testid="lock-password"
            {...form.getInputProps('password')}
          />
          <FormError message={unlock.error} testId="lock-error" />
          <Button type="submit" loading={unlock.pending} data-testid="lock-unlock">
            {t('lock.unlock')}
          </Button>
          <Button
            variant="subtle"
            color="gray"
            loading={signOut.isPending}
            onClick={() => signOut.mutate()}
            data-testid="lock-switch-user"
          >
            {t('lock.switchUser')}
          </Button>
        </Stack>
      </form>
    </CenteredPage>
  );
}
