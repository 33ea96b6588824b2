/**
 * "Type your password again": customer documents open only within the policy's minutes after the
 * reader confirmed their password (`auth.confirm`). `useConfirmRetry().run(action)` runs an open
 * or a download and, when the desk answers CONFIRM_PASSWORD_REQUIRED, asks for the password and
 * runs it once more. The password lives only in this form, which unmounts when the dialog closes.
 */
import { useCallback, useState, type ReactNode } from 'react';
import { Modal, PasswordInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AppError } from '@shared/errors';
import { ModalForm } from '../../ui/ModalForm';
import { useFormCall } from '../../ui/use-form-submit';
import { TransferCancelled } from './transfer';

interface Asking {
  minutes: number;
  resolve: (confirmed: boolean) => void;
}

function needsPassword(thrown: unknown): thrown is AppError {
  return thrown instanceof AppError && thrown.code === 'CONFIRM_PASSWORD_REQUIRED';
}

export function useConfirmRetry(): { run: <T>(action: () => Promise<T>) => Promise<T>; dialog: ReactNode } {
  const [asking, setAsking] = useState<Asking | null>(null);

  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (thrown) {
      if (!needsPassword(thrown)) throw thrown;
      const confirmed = await new Promise<boolean>((resolve) =>
        setAsking({ minutes: Number(thrown.params?.['minutes'] ?? 5), resolve }),
      );
      setAsking(null);
      if (!confirmed) throw new TransferCancelled();
      return action();
    }
  }, []);

  return { run, dialog: <ConfirmPasswordDialog asking={asking} /> };
}

function ConfirmPasswordDialog({ asking }: { asking: Asking | null }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={asking !== null}
      onClose={() => asking?.resolve(false)}
      title={t('archive.confirm.title')}
      centered
      data-testid="archive-confirm"
    >
      {asking && <ConfirmForm asking={asking} />}
    </Modal>
  );
}

function ConfirmForm({ asking }: { asking: Asking }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { password: '' } });
  const submit = useFormCall(form, 'auth.confirm', {
    input: (values) => values,
    onSuccess: () => asking.resolve(true),
    onError: () => form.setFieldValue('password', ''),
  });
  return (
    <ModalForm
      onSubmit={submit.onSubmit}
      onCancel={() => asking.resolve(false)}
      error={submit.error}
      pending={submit.pending}
      errorTestId="archive-confirm-error"
      submitTestId="archive-confirm-submit"
    >
      <Text size="sm">{t('archive.confirm.hint', { minutes: asking.minutes })}</Text>
      <PasswordInput
        label={t('archive.confirm.password')}
        autoComplete="current-password"
        data-autofocus
        data-testid="archive-confirm-password"
        {...form.getInputProps('password')}
      />
    </ModalForm>
  );
}
