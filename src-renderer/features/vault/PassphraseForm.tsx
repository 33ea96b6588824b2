/**
 * One form for the three ways a passphrase is typed: unlocking a joining desk (once), setting a
 * legacy property's first one, and choosing a new one. A new one is typed twice and its strength shown.
 */
import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passphrase } from '@shared/contract/vault';
import { FormError } from '../../ui/FormError';
import { useFormSubmit } from '../../ui/use-form-submit';
import { newPassphraseSchema } from './passphrase-form';
import { NewPassphraseInput } from './PassphraseInput';

interface PassphraseFormProps<Result> {
  kind: 'unlock' | 'new';
  intro: string;
  submitLabel: string;
  passphraseLabel: string;
  testId: string;
  submit: (passphrase: string) => Promise<Result>;
  onDone: (result: Result) => void;
}

export function PassphraseForm<Result>({
  kind,
  intro,
  submitLabel,
  passphraseLabel,
  testId,
  submit,
  onDone,
}: PassphraseFormProps<Result>) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { passphrase: '', confirmPassphrase: '' },
    validate: zod4Resolver(kind === 'new' ? newPassphraseSchema : z.object({ passphrase })),
  });
  const send = useFormSubmit(form, {
    mutationFn: (values: typeof form.values) => submit(values.passphrase),
    onSuccess: (result) => {
      form.reset();
      onDone(result);
    },
    fieldLabels: { passphrase: passphraseLabel },
  });

  return (
    <form noValidate onSubmit={send.onSubmit} data-testid={testId}>
      <Stack gap="sm" maw={480}>
        <Text size="sm">{intro}</Text>
        {kind === 'new' ? (
          <>
            <NewPassphraseInput
              label={passphraseLabel}
              testId={`${testId}-passphrase`}
              {...form.getInputProps('passphrase')}
              value={form.values.passphrase}
            />
            <PasswordInput
              label={t('vault.confirmPassphrase')}
              autoComplete="new-password"
              data-testid={`${testId}-confirm`}
              {...form.getInputProps('confirmPassphrase')}
            />
          </>
        ) : (
          <PasswordInput
            label={passphraseLabel}
            autoComplete="off"
            data-testid={`${testId}-passphrase`}
            {...form.getInputProps('passphrase')}
          />
        )}
        <FormError message={send.error} testId={`${testId}-error`} />
        <Button
          type="submit"
          loading={send.pending}
          style={{ alignSelf: 'flex-start' }}
          data-testid={`${testId}-submit`}
        >
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
