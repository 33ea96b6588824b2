/** First run: the property and the first administrator, validated with the contract's own schema. */
import { useMemo, useState } from 'react';
import { Button, Divider, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations } from '@shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-client';
import { useErrorText } from '../../i18n/errors';
import { CenteredPage } from '../../ui/CenteredPage';
import { FormError } from '../../ui/FormError';
import { DEFAULT_CURRENCY, DEFAULT_TIME_ZONE } from '../settings/property-options';
import { CurrencySelect, TimeZoneSelect } from '../settings/PropertyFields';
import { useStoreSession } from './session';

export function SetupWizard() {
  const { t, i18n } = useTranslation();
  const { forForm } = useErrorText();
  const client = useQueryClient();
  const storeSession = useStoreSession();
  const [error, setError] = useState<string | null>(null);

  const schema = useMemo(
    () =>
      operations['setup.initialize'].input
        .extend({ confirmPassword: operations['setup.initialize'].input.shape.admin.shape.password })
        .refine((values) => values.admin.password === values.confirmPassword, { path: ['confirmPassword'], message: t('setup.passwordMismatch') }),
    // Rebuilt per language so the mismatch message follows it.
    [t, i18n.language],
  );

  const form = useForm({
    initialValues: {
      property: { name: '', timeZone: DEFAULT_TIME_ZONE, currency: DEFAULT_CURRENCY },
      admin: { username: '', displayName: '', password: '' },
      confirmPassword: '',
    },
    validate: zod4Resolver(schema),
  });

  const initialize = useMutation({
    mutationFn: ({ property, admin }: typeof form.values) => call('setup.initialize', { property, admin }),
    onSuccess: (session) => {
      storeSession(session);
      client.setQueryData(queryKeys.setup, { needsSetup: false, propertyName: session.property.name });
    },
    onError: (thrown) => setError(forForm(form, thrown)),
  });

  return (
    <CenteredPage width={560}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setError(null);
          initialize.mutate(values);
        })}
      >
        <Stack gap="md">
          <div>
            <Title order={2}>{t('setup.title')}</Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('setup.intro')}
            </Text>
          </div>
          <Divider label={t('setup.propertySection')} labelPosition="left" />
          <TextInput label={t('setup.propertyName')} data-autofocus autoFocus withAsterisk data-testid="setup-property-name" {...form.getInputProps('property.name')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TimeZoneSelect label={t('setup.timeZone')} withAsterisk data-testid="setup-time-zone" {...form.getInputProps('property.timeZone')} />
            <CurrencySelect label={t('setup.currency')} withAsterisk data-testid="setup-currency" {...form.getInputProps('property.currency')} />
          </SimpleGrid>
          <Divider label={t('setup.adminSection')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t('setup.username')}
              description={t('setup.usernameHint')}
              autoComplete="username"
              withAsterisk
              data-testid="setup-username"
              {...form.getInputProps('admin.username')}
            />
            <TextInput label={t('setup.displayName')} description={t('setup.displayNameHint')} withAsterisk data-testid="setup-display-name" {...form.getInputProps('admin.displayName')} />
            <PasswordInput
              label={t('setup.password')}
              description={t('setup.passwordHint')}
              autoComplete="new-password"
              withAsterisk
              data-testid="setup-password"
              {...form.getInputProps('admin.password')}
            />
            <PasswordInput
              label={t('setup.confirmPassword')}
              description={t('setup.confirmHint')}
              autoComplete="new-password"
              withAsterisk
              data-testid="setup-confirm-password"
              {...form.getInputProps('confirmPassword')}
            />
          </SimpleGrid>
          <FormError message={error} testId="setup-error" />
          <Button type="submit" loading={initialize.isPending} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </CenteredPage>
  );
}
