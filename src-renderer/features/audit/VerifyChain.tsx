/** Checks the audit hash chain and says whether it is intact or where it first breaks. */
import { Button, Group, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useErrorText } from '../../i18n/errors';

export function VerifyChain() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const verify = useMutation({ mutationFn: () => call('audit.verify') });
  const result = verify.data;
  return (
    <Group gap="sm">
      {result?.ok === true && (
        <Text c="teal" size="sm" fw={600} data-testid="audit-verify-result">
          {t('audit.verifyOk', { checked: result.checked })}
        </Text>
      )}
      {result?.ok === false && (
        <Text c="red" size="sm" fw={600} data-testid="audit-verify-result">
          {t('audit.verifyBroken', { seq: result.firstBrokenSeq, checked: result.checked, reason: t(`audit.reasons.${result.reason}`) })}
        </Text>
      )}
      {verify.isError && (
        <Text c="red" size="sm" data-testid="audit-verify-result">
          {message(verify.error)}
        </Text>
      )}
      <Button variant="default" leftSection={<IconShieldCheck size={16} />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
        {t('audit.verify')}
      </Button>
    </Group>
  );
}
