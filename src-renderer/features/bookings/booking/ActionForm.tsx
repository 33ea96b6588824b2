/**
 * The body of one of the drawer's actions: its fields, the submit error, then Cancel and a button
 * that says what it does (确认入住, not just 保存) — the drawer's actions are not plain edits.
 */
import type { FormEventHandler, ReactNode } from 'react';
import { Button, Group, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../ui/FormError';

interface ActionFormProps {
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  error: string | null;
  pending: boolean;
  submitLabel: string;
  testId: string;
  /** The fields already show why it cannot be submitted (e.g. more points than redeemable). */
  submitDisabled?: boolean;
  children: ReactNode;
}

export function ActionForm({
  onSubmit,
  onCancel,
  error,
  pending,
  submitLabel,
  testId,
  submitDisabled,
  children,
}: ActionFormProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)">
      <form noValidate onSubmit={onSubmit} data-testid={`${testId}-form`}>
        <Stack gap="sm">
          {children}
          <FormError message={error} testId={`${testId}-error`} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={submitDisabled} data-testid={`${testId}-submit`}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
