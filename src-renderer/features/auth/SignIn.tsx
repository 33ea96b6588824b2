/** Sign-in: username and password; wrong credentials, lockout and disabled accounts in an alert. */
import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations } from '@shared/contract';
import { CenteredPage } from '../../ui/CenteredPage';
import { FormError } from '../../ui/FormError';
import { useFormCall } from '../../ui/use-form-submit';
import { useStoreSession } from '../../api/session';

export function SignIn({ propertyName }: { propertyName: string }) {
  const { t } = useTranslation();
  const storeSession = useStoreSession();

  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: zod4Resolver(operations['auth.signIn'].input),
  });

  const signIn = useFormCall(form, 'auth.signIn', {
    input: (values: typeof form.values) => values,
    onSuccess: storeSession,
    onError: () => form.setFieldValue('password', ''),
  });

  return (
    <CenteredPage width={380}>
      <form noValidate onSubmit={signIn.onSubmit}>
        <Stack gap="md">
          <div>
            <Text c="teal" fw={700} size="sm">
              {t('app.name')}
            </Text>
            <Title order={2} data-testid="signin-property">
              {propertyName}
            </Title>
          </div>
          <TextInput
            label={t('signIn.username')}
            autoComplete="username"
            autoFocus
            data-testid="signin-username"
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            data-testid="signin-password"
            {...form.getInputProps('password')}
          />
          <FormError message={signIn.error} testId="signin-error" />
          <Button type="submit" loading={signIn.pending} data-testid="signin-submit">
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </CenteredPage>
  );
}
