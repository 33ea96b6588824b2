/**
 * The recovery operations on a desk whose database opened: nothing to recover. The recovery
 * surface itself (src-main/host/recovery.ts) answers them while the database cannot be opened.
 */
import { AppError } from '@shared/errors';
import type { HandlerMap } from '../rpc/handler';

export const recoveryHandlers: HandlerMap<'recovery.status' | 'recovery.restore'> = {
  'recovery.status': async () => ({ problem: null, backups: [] }),
  'recovery.restore': async () => {
    throw new AppError('RECOVERY_NOT_NEEDED');
  },
};
