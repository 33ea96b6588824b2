/** The archive screens' error text: the desk's translated codes, plus what the renderer itself stops (a cancelled transfer, a read whose bytes do not match). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/errors';
import { ReadMismatch, TransferCancelled } from './transfer';

interface MarkableForm {
  setFieldError(path: string, error: string): void;
}

export function useArchiveErrorText() {
  const { t } = useTranslation();
  const { message, forForm } = useErrorText();
  return useCallback(
    (thrown: unknown, form?: MarkableForm, fieldLabels?: Record<string, string>): string => {
      if (thrown instanceof TransferCancelled) return t('archive.upload.cancelled');
      if (thrown instanceof ReadMismatch) return t('archive.viewer.mismatch');
      return form ? forForm(form, thrown, fieldLabels) : message(thrown, fieldLabels);
    },
    [t, message, forForm],
  );
}
