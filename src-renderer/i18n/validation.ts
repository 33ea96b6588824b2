/**
 * Friendlier wording for the form errors people meet most (empty, too short, wrong format) than
 * zod's technical locale messages; anything else falls through to zod's locale (see index.ts).
 */
import type { z } from 'zod';
import i18n from 'i18next';

type ErrorMap = NonNullable<Parameters<typeof z.config>[0]>['customError'];

export const validationMessages: ErrorMap = (issue) => {
  const { t } = i18n;
  const numeric = issue.origin === 'number' || issue.origin === 'int';
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1
      ? t('validation.required')
      : t('validation.minLength', { min: Number(issue.minimum) });
  }
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('validation.maxLength', { max: Number(issue.maximum) });
  if (issue.code === 'too_small' && numeric) return t('validation.minValue', { min: Number(issue.minimum) });
  if (issue.code === 'too_big' && numeric) return t('validation.maxValue', { max: Number(issue.maximum) });
  if (issue.code === 'invalid_format' && issue.format === 'regex') return t('validation.format');
  return undefined;
};
