/** The body of a modal that edits something: its fields, the submit error, then Cancel and Save. */
import type { FormEventHandler, ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from './FormError';

interface ModalFormProps {
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  error: string | null;
  pending: boolean;
  errorTestId: string;
  submitTestId: string;
  children: ReactNode;
}

export function ModalForm({ onSubmit, onCancel, error, pending, errorTestId, submitTestId, children }: ModalFormProps) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        {children}
        <FormError message={error} testId={errorTestId} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid={submitTestId}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
