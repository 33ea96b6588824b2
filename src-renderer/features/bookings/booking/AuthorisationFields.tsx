/** The customer's written authorisation a change needs (the procedure: changes only with it): how it came and its reference. */
import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AUTH_METHODS } from '@shared/contract';

export interface AuthorisationValues {
  authMethod: (typeof AUTH_METHODS)[number];
  authRef: string;
}

export const initialAuthorisation: AuthorisationValues = { authMethod: 'signed_form', authRef: '' };

export function toAuthorisation(values: AuthorisationValues) {
  return { method: values.authMethod, reference: values.authRef };
}

export function AuthorisationFields<V extends AuthorisationValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('desk.change.authorisation')}
      </Text>
      <Group grow align="flex-start">
        <Select
          label={t('desk.change.authMethod')}
          data={AUTH_METHODS.map((m) => ({ value: m, label: t(`desk.authMethods.${m}`) }))}
          allowDeselect={false}
          withAsterisk
          data-testid="auth-method"
          {...form.getInputProps('authMethod')}
        />
        <TextInput
          label={t('desk.change.authRef')}
          withAsterisk
          data-testid="auth-ref"
          {...form.getInputProps('authRef')}
        />
      </Group>
    </Stack>
  );
}
