/**
 * How the sync state reads: which of the header's states applies, the last error and the server's
 * reasons for refusing a mutation in the UI language, and instants relative to now ("2 分钟前").
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { SyncStatus } from '@shared/contract';
import { isErrorCode } from '@shared/errors';
import { REJECTION_REASONS, type RejectionReason } from '@shared/sync/protocol';

export type SyncState =
  'upgrade' | 'revoked' | 'insecureRefused' | 'notConnected' | 'connecting' | 'offline' | 'online';

/** The server no longer knows this desk: nothing syncs until an administrator connects it again. */
const SHUT_OUT = new Set(['DEVICE_REVOKED', 'DEVICE_UNKNOWN']);

export const STATE_COLORS: Record<SyncState, string> = {
  upgrade: 'red',
  revoked: 'red',
  insecureRefused: 'red',
  notConnected: 'gray',
  connecting: 'gray',
  offline: 'orange',
  online: 'teal',
};

export function syncState(status: SyncStatus): SyncState {
  if (status.upgradeRequired) return 'upgrade';
  if (status.lastError && SHUT_OUT.has(status.lastError)) return 'revoked';
  // Plain HTTP over a network without the lab option: the desk itself stopped before sending anything.
  if (status.lastError === 'SYNC_INSECURE_URL') return 'insecureRefused';
  if (!status.enrolled) return 'notConnected';
  if (status.online === null) return 'connecting';
  return status.online ? 'online' : 'offline';
}

function isRejectionReason(value: string): value is RejectionReason {
  return (REJECTION_REASONS as readonly string[]).includes(value);
}

export function useSyncText() {
  const { t, i18n } = useTranslation();

  /** NETWORK here means the central server, not the local service the shared message speaks of. */
  const lastError = useCallback(
    (code: string) => {
      if (code === 'NETWORK' || code === 'SERVER_ERROR') return t(`sync.lastErrors.${code}`);
      return isErrorCode(code) ? t(code, { ns: 'errors' }) : t('sync.lastErrors.other', { code });
    },
    [t],
  );

  const rejectionReason = useCallback(
    (reason: string) => (isRejectionReason(reason) ? t(`sync.rejections.reasons.${reason}`) : reason),
    [t],
  );

  const relative = useCallback(
    (iso: string) => DateTime.fromISO(iso).setLocale(i18n.language).toRelative() ?? iso,
    [i18n.language],
  );

  return { lastError, rejectionReason, relative };
}

/** How far a catch-up has come, in percent. */
export function progressPercent(progress: NonNullable<SyncStatus['progress']>): number {
  return progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
}
