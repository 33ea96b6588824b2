/**
 * The archive screens' error text: the desk's translated codes (the naming rule a refused name
 * names read in the UI language), plus what the renderer itself stops (a cancelled transfer, a
 * read whose bytes do not match).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NAMING_RULES, type NamingRule } from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import { useErrorText } from '../../i18n/errors';
import { ReadMismatch, TransferCancelled } from './transfer';

interface MarkableForm {
  setFieldError(path: string, error: string): void;
}

const isNamingRule = (value: unknown): value is NamingRule => (NAMING_RULES as readonly unknown[]).includes(value);

export function useArchiveErrorText() {
  const { t } = useTranslation();
  const { message, forForm } = useErrorText();
  return useCallback(
    (thrown: unknown, form?: MarkableForm, fieldLabels?: Record<string, string>): string => {
      if (thrown instanceof TransferCancelled) return t('archive.upload.cancelled');
      if (thrown instanceof ReadMismatch) return t('archive.viewer.mismatch');
      let error = thrown;
      if (
        thrown instanceof AppError &&
        thrown.code === 'ARCHIVE_NAME_INVALID' &&
        isNamingRule(thrown.params?.['rule'])
      ) {
        const rule = t(`archive.naming.rules.${thrown.params['rule']}`);
        error = new AppError(thrown.code, { ...thrown.params, rule }, thrown.fields);
      }
      return form ? forForm(form, error, fieldLabels) : message(error, fieldLabels);
    },
    [t, message, forForm],
  );
}
