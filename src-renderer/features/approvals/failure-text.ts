/** Why an approved request did not take effect: the held operation's error code, translated. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, isErrorCode } from '@shared/errors';
import { useErrorText } from '../../i18n/errors';

export function useFailureText(): (errorCode: string | null) => string {
  const { t } = useTranslation();
  const { message } = useErrorText();
  return useCallback(
    (errorCode: string | null) =>
      t('approvals.failedWith', {
        error: isErrorCode(errorCode) ? message(new AppError(errorCode)) : (errorCode ?? ''),
      }),
    [t, message],
  );
}
