/** A password being chosen (not typed to sign in): the password rules as its hint, and no autofill of the old one. */
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NewPasswordInput(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput description={t('setup.passwordHint')} autoComplete="new-password" {...props} />;
}
