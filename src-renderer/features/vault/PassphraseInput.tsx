/** A recovery passphrase being chosen: the length rule as its hint and zxcvbn's strength as one types (main decides). */
import { PasswordInput, Progress, Stack, Text, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH, PASSPHRASE_MIN_SCORE, passphraseScore } from '@shared/rules/passphrase';

const SCORE_COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;

export function NewPassphraseInput({
  value,
  testId,
  ...props
}: PasswordInputProps & { value: string; testId: string }) {
  const { t } = useTranslation();
  const score = value ? passphraseScore(value) : 0;
  return (
    <Stack gap={4}>
      <PasswordInput
        description={t('vault.passphraseHint', { min: PASSPHRASE_MIN_LENGTH })}
        autoComplete="new-password"
        value={value}
        data-testid={testId}
        {...props}
      />
      {value && (
        <>
          <Progress value={(score + 1) * 20} color={SCORE_COLORS[score]} size="sm" aria-hidden />
          <Text size="xs" c={score >= PASSPHRASE_MIN_SCORE ? 'dimmed' : 'red'} data-testid={`${testId}-strength`}>
            {t('vault.strengthLabel', { label: t(`vault.strength.s${score as 0 | 1 | 2 | 3 | 4}`) })}
          </Text>
        </>
      )}
    </Stack>
  );
}
