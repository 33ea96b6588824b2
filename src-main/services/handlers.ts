/** Every operation's handler, keyed by operation name; the compiler checks none is missing. */
import type { OperationName } from '@shared/contract';
import { approvalHandlers } from './approvals/handlers';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { guestHandlers } from './guests/handlers';
import type { HandlerMap } from './rpc/handler';
import { settingsHandlers } from './settings/handlers';
import { staffHandlers } from './staff/handlers';

export const handlers: HandlerMap<OperationName> = {
  ...authHandlers,
  ...staffHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...approvalHandlers,
  ...guestHandlers,
};
