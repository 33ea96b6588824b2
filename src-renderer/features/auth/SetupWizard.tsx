/** First run: the property and the first administrator, validated with the contract's own schema. */
import { Button, Divider, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { operations } from '@shared/contract';
import { callKey } from '../../api/query-client';
import { CenteredPage } from '../../ui/CenteredPage';
import { FormError } from '../../ui/FormError';
import { NewPasswordInput } from '../../ui/NewPasswordInput';
import { useFormCall } from '../../ui/use-form-submit';
import { DEFAULT_CURRENCY, DEFAULT_TIME_ZONE } from '../settings/property-options';
import { CurrencySelect, TimeZoneSelect } from '../settings/PropertyFields';
import { RestoreFromBackup } from '../recovery/RestoreFromBackup';
import { JoinProperty } from '../sync/JoinProperty';
import { confirmMismatch } from './confirm-password';
import { passphraseMismatch } from '../vault/passphrase-form';
import { NewPassphraseInput } from '../vault/PassphraseInput';
import { useStoreSession } from '../../api/session';

const setupInput = operations['setup.initialize'].input;

/** The contract's input plus the password and the recovery passphrase typed twice. */
const setupSchema = setupInput
  .extend({
    confirmPassword: setupInput.shape.admin.shape.password,
    confirmPassphrase: setupInput.shape.recoveryPassphrase,
  })
  .refine((values) => values.admin.password === values.confirmPassword, confirmMismatch)
  .refine((values) => values.recoveryPassphrase === values.confirmPassphrase, {
    ...passphraseMismatch,
    path: ['confirmPassphrase'],
  });

export function SetupWizard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const storeSession = useStoreSession();
  const [other, setOther] = useState<'join' | 'restore' | null>(null);

  const form = useForm({
    initialValues: {
      property: { name: '', timeZone: DEFAULT_TIME_ZONE, currency: DEFAULT_CURRENCY },
      admin: { username: '', displayName: '', password: '' },
      confirmPassword: '',
      recoveryPassphrase: '',
      confirmPassphrase: '',
    },
    validate: zod4Resolver(setupSchema),
  });

  const initialize = useFormCall(form, 'setup.initialize', {
    fieldLabels: { recoveryPassphrase: t('vault.passphrase') },
    input: ({ property, admin, recoveryPassphrase }) => ({ property, admin, recoveryPassphrase }),
    onSuccess: (session) => {
      storeSession(session);
      client.setQueryData(callKey('setup.status'), {
        needsSetup: false,
        propertyName: session.property.name,
        timeZone: session.property.timeZone,
      });
    },
  });

  if (other === 'join') {
    return (
      <CenteredPage width={560}>
        <JoinProperty onBack={() => setOther(null)} />
      </CenteredPage>
    );
  }
  if (other === 'restore') {
    return (
      <CenteredPage width={860}>
        <RestoreFromBackup onBack={() => setOther(null)} />
      </CenteredPage>
    );
  }

  return (
    <CenteredPage width={560}>
      <form noValidate onSubmit={initialize.onSubmit}>
        <Stack gap="md">
          <div>
            <Title order={2}>{t('setup.title')}</Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('setup.intro')}
            </Text>
          </div>
          <Divider label={t('setup.propertySection')} labelPosition="left" />
          <TextInput
            label={t('setup.propertyName')}
            data-autofocus
            autoFocus
            data-testid="setup-property-name"
            {...form.getInputProps('property.name')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TimeZoneSelect
              label={t('setup.timeZone')}
              data-testid="setup-time-zone"
              {...form.getInputProps('property.timeZone')}
            />
            <CurrencySelect
              label={t('setup.currency')}
              data-testid="setup-currency"
              {...form.getInputProps('property.currency')}
            />
          </SimpleGrid>
          <Divider label={t('setup.adminSection')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t('setup.username')}
              description={t('setup.usernameHint')}
              autoComplete="username"
              data-testid="setup-username"
              {...form.getInputProps('admin.username')}
            />
            <TextInput
              label={t('setup.displayName')}
              description={t('setup.displayNameHint')}
              data-testid="setup-display-name"
              {...form.getInputProps('admin.displayName')}
            />
            <NewPasswordInput
              label={t('setup.password')}
              data-testid="setup-password"
              {...form.getInputProps('admin.password')}
            />
            <NewPasswordInput
              label={t('setup.confirmPassword')}
              description={t('setup.confirmHint')}
              data-testid="setup-confirm-password"
              {...form.getInputProps('confirmPassword')}
            />
          </SimpleGrid>
          <Divider label={t('vault.title')} labelPosition="left" />
          <Text size="sm" c="dimmed">
            {t('vault.intro')}
          </Text>
          <Stack gap="sm">
            <NewPassphraseInput
              label={t('vault.passphrase')}
              testId="setup-recovery-passphrase"
              {...form.getInputProps('recoveryPassphrase')}
              value={form.values.recoveryPassphrase}
            />
            <PasswordInput
              label={t('vault.confirmPassphrase')}
              autoComplete="new-password"
              data-testid="setup-confirm-passphrase"
              {...form.getInputProps('confirmPassphrase')}
            />
          </Stack>
          <FormError message={initialize.error} testId="setup-error" />
          <Button type="submit" loading={initialize.pending} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
          <Group grow>
            <Button variant="subtle" onClick={() => setOther('join')} data-testid="setup-join">
              {t('sync.join.open')}
            </Button>
            <Button variant="subtle" onClick={() => setOther('restore')} data-testid="setup-restore">
              {t('recovery.fresh.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CenteredPage>
  );
}
