/**
 * Checks the audit chain (by this desk's audit key, and against the server's last checkpoint of
 * it) and says whether it is intact or where it first breaks, and which checkpoint it was held to.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '@shared/contract';
import { useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';

function CheckpointLine({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { checkpoint } = result;
  if (!checkpoint)
    return (
      <Text size="xs" c="dimmed" data-testid="audit-verify-checkpoint">
        {t('audit.checkpointNone')}
      </Text>
    );
  const values = {
    seq: checkpoint.seq,
    at: format.dateTime(checkpoint.at),
    verdict: t(checkpoint.matches ? 'audit.checkpointMatches' : 'audit.checkpointDiffers'),
  };
  return (
    <Text size="xs" c={checkpoint.matches ? 'dimmed' : 'red'} data-testid="audit-verify-checkpoint">
      {checkpoint.source === 'server' ? t('audit.checkpointServer', values) : t('audit.checkpointCached', values)}
    </Text>
  );
}

export function VerifyChain() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const verify = useMutate('audit.verify');
  const result = verify.data;
  return (
    <Group gap="sm" align="flex-start">
      {result && (
        <Stack gap={2}>
          {result.ok ? (
            <Text c="teal" size="sm" fw={600} data-testid="audit-verify-result">
              {t('audit.verifyOk', { checked: result.checked })}
            </Text>
          ) : (
            <Text c="red" size="sm" fw={600} data-testid="audit-verify-result">
              {t('audit.verifyBroken', {
                seq: result.firstBrokenSeq,
                checked: result.checked,
                reason: t(`audit.reasons.${result.reason}`),
              })}
            </Text>
          )}
          <CheckpointLine result={result} />
          {result.keyedFrom > 1 && (
            <Text size="xs" c="dimmed">
              {t('audit.legacyPrefix', { last: result.keyedFrom - 1 })}
            </Text>
          )}
        </Stack>
      )}
      {verify.isError && (
        <Text c="red" size="sm" data-testid="audit-verify-result">
          {message(verify.error)}
        </Text>
      )}
      <Button
        variant="default"
        leftSection={<IconShieldCheck size={16} />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        {t('audit.verify')}
      </Button>
    </Group>
  );
}
