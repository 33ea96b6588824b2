/** Settings → keys and recovery (vault.manage): where this desk's key is kept, and the form its state calls for. */
import { useState } from 'react';
import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '@shared/contract';
import { call } from '../../api/client';
import { callKey } from '../../api/query-client';
import { QueryState } from '../../ui/QueryState';
import { ApprovalRequestDialog } from '../approvals/ApprovalRequestDialog';
import { heldFrom, type HeldOperation } from '../approvals/held';
import { PassphraseForm } from './PassphraseForm';
import { useCall } from '../../api/use-call';

const STATE_COLORS = { open: 'teal', locked: 'orange', unset: 'red' } as const;

export function VaultSection() {
  const { t } = useTranslation();
  const status = useCall('vault.status', {});
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('vault.intro')}
      </Text>
      <QueryState query={status}>{(value) => <VaultState status={value} />}</QueryState>
    </Stack>
  );
}

function VaultState({ status }: { status: VaultStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [held, setHeld] = useState<HeldOperation | null>(null);
  const settle = (next: VaultStatus | null, message: string) => {
    if (!next) return;
    client.setQueryData(callKey('vault.status'), next);
    notifications.show({ color: 'teal', message });
  };

  /** Wraps the key under the new passphrase here, then asks to store that envelope (held for the director by default). */
  const changePassphrase = async (passphrase: string): Promise<VaultStatus | null> => {
    const envelope = await call('vault.sealRecovery', { passphrase });
    try {
      return await call('vault.changePassphrase', { envelope });
    } catch (thrown) {
      const next = heldFrom(thrown, 'vault.changePassphrase', { envelope }, t('vault.change'));
      if (!next) throw thrown;
      setHeld(next);
      return null;
    }
  };

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Badge color={STATE_COLORS[status.state]} variant="light" data-testid="vault-state" data-state={status.state}>
          {t(`vault.states.${status.state}`)}
        </Badge>
        {status.keyId && (
          <Text size="sm" c="dimmed" ff="monospace">
            {t('vault.keyId')} {status.keyId}
          </Text>
        )}
      </Group>
      {status.store === 'test-file' && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="vault-test-store">
          {t('vault.store.test-file')}
        </Alert>
      )}
      {status.state === 'locked' && (
        <PassphraseForm
          kind="unlock"
          intro={t('vault.unlockIntro')}
          submitLabel={t('vault.unlock')}
          passphraseLabel={t('vault.passphrase')}
          testId="vault-unlock"
          submit={(passphrase) => call('vault.unlock', { passphrase })}
          onDone={(next) => settle(next, t('vault.unlocked'))}
        />
      )}
      {status.state === 'unset' && (
        <PassphraseForm
          kind="new"
          intro={t('vault.createIntro')}
          submitLabel={t('vault.create')}
          passphraseLabel={t('vault.passphrase')}
          testId="vault-create"
          submit={(passphrase) => call('vault.create', { passphrase })}
          onDone={(next) => settle(next, t('vault.created'))}
        />
      )}
      {status.state === 'open' && (
        <PassphraseForm
          kind="new"
          intro={t('vault.changeIntro')}
          submitLabel={t('vault.change')}
          passphraseLabel={t('vault.newPassphrase')}
          testId="vault-change"
          submit={changePassphrase}
          onDone={(next) => settle(next, t('vault.changed'))}
        />
      )}
      <ApprovalRequestDialog held={held} onClose={() => setHeld(null)} />
    </Stack>
  );
}
