/**
 * The recovery operations on a desk whose database opened and is set up: nothing to recover. The
 * host (src-main/host/desk-host.ts) answers them while the database cannot be opened, and on a
 * fresh desk that is not set up yet.
 */
import { AppError } from '@shared/errors';
import type { HandlerMap } from '../rpc/handler';

export const recoveryHandlers: HandlerMap<'recovery.status' | 'recovery.find' | 'recovery.restore'> = {
  'recovery.status': async () => ({ problem: null, backups: [] }),
  // A fresh desk's host answers these itself (src-main/host/desk-host.ts); a desk that is set up has nothing to restore.
  'recovery.find': async () => {
    throw new AppError('RECOVERY_NOT_NEEDED');
  },
  'recovery.restore': async () => {
    throw new AppError('RECOVERY_NOT_NEEDED');
  },
};
