/**
 * Turns whatever a call threw into a message in the UI language. Codes and parameters come from
 * the services; parameters that are themselves codes (a permission, a role, an instant) are translated
 * or formatted here. For INPUT_INVALID the offending fields are also marked on the form.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '@shared/errors';
import { isPermission, isRole } from '@shared/permissions';
import { DATE_TIME_MINUTE, formatInstant, useFormat } from './format';

/** The part of a Mantine form the helper needs, so any form's values type fits. */
interface MarkableForm {
  setFieldError(path: string, error: string): void;
}

const POLICY_REASONS = ['tiers', 'duplicate', 'role'] as const;

function isPolicyReason(value: unknown): value is (typeof POLICY_REASONS)[number] {
  return typeof value === 'string' && (POLICY_REASONS as readonly string[]).includes(value);
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  console.error(error);
  return new AppError('INTERNAL');
}

export function useErrorText() {
  const { t } = useTranslation();
  const { locale, zone } = useFormat();

  const message = useCallback(
    (thrown: unknown, fieldLabels: Record<string, string> = {}): string => {
      const error = toAppError(thrown);
      const params: Record<string, string | number> = { ...error.params };
      if (error.code === 'INPUT_INVALID' && error.fields?.length) {
        params['fields'] = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
          error.fields.map((field) => fieldLabels[field] ?? field),
        );
      }
      // Counts (points, places, guests) read with the locale's grouping: 2,000 not 2000.
      for (const [key, value] of Object.entries(params))
        if (typeof value === 'number') params[key] = new Intl.NumberFormat(locale).format(value);
      const { until, permission, role, reason } = params;
      if (error.code === 'ACCOUNT_LOCKED' && typeof until === 'string') {
        params['until'] = formatInstant(until, locale, zone, DATE_TIME_MINUTE);
      }
      if (typeof permission === 'string' && isPermission(permission))
        params['permission'] = t(`permissionNames.${permission}`);
      if (typeof role === 'string' && isRole(role)) params['role'] = t(`roles.${role}`);
      if (error.code === 'POLICY_INVALID' && isPolicyReason(reason)) params['reason'] = t(`policy.invalid.${reason}`);
      return t(error.code, { ns: 'errors', ...params });
    },
    [t, locale, zone],
  );

  /**
   * The message for an error, after marking the form fields it names (paths as in the contract);
   * `fieldLabels` names those fields in the message as the form labels them.
   */
  const forForm = useCallback(
    (form: MarkableForm, thrown: unknown, fieldLabels?: Record<string, string>): string => {
      const error = toAppError(thrown);
      if (error.code === 'INPUT_INVALID') {
        for (const field of error.fields ?? []) form.setFieldError(field, t('common.invalidField'));
      }
      return message(error, fieldLabels);
    },
    [message, t],
  );

  return { message, forForm };
}
