/** Every operation's handler, keyed by operation name; the compiler checks none is missing. */
import type { OperationName } from '@shared/contract';
import { approvalHandlers } from './approvals/handlers';
import { archiveHandlers } from './archive/handlers';
import { downloadGrantHandlers } from './archive/grant-handlers';
import { recordHandlers } from './archive/record-handlers';
import { homeHandlers } from './home/handlers';
import { confirmHandlers } from './auth/confirm';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { cancellationHandlers } from './cancellations/handlers';
import { memberHandlers } from './members/handlers';
import { complaintHandlers } from './complaints/handlers';
import { compensationHandlers } from './complaints/compensation';
import { escalationHandlers } from './complaints/escalation';
import { measureHandlers } from './complaints/measures';
import { complaintPolicyHandlers } from './complaints/policy';
import { callbackHandlers } from './callbacks/handlers';
import { frontDeskHandlers } from './bookings/front-desk';
import { roomAssignmentHandlers } from './bookings/room-assignment';
import { attendantHandlers } from './bookings/attendants';
import { bookingHandlers } from './bookings/handlers';
import { nightAuditHandlers } from './bookings/night-audit';
import { guestHandlers } from './guests/handlers';
import { guestProfileHandlers } from './guests/profiles';
import { searchHandlers } from './guests/quick-search';
import { inventoryHandlers } from './inventory/handlers';
import type { HandlerMap } from './rpc/handler';
import { settingsHandlers } from './settings/handlers';
import { backupHandlers } from './backup/handlers';
import { recoveryHandlers } from './recovery/handlers';
import { reportHandlers } from './reports/handlers';
import { monthlyReportHandlers } from './reports/monthly-handlers';
import { submissionHandlers } from './reports/submission-handlers';
import { staffHandlers } from './staff/handlers';
import { ticketHandlers } from './tickets/handlers';
import { conflictHandlers } from './sync/conflicts';
import { syncHandlers } from './sync/handlers';
import { vaultHandlers } from './vault/handlers';

export const handlers: HandlerMap<OperationName> = {
  ...syncHandlers,
  ...vaultHandlers,
  ...conflictHandlers,
  ...authHandlers,
  ...confirmHandlers,
  ...staffHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...backupHandlers,
  ...recoveryHandlers,
  ...approvalHandlers,
  ...guestHandlers,
  ...inventoryHandlers,
  ...ticketHandlers,
  ...guestProfileHandlers,
  ...searchHandlers,
  ...bookingHandlers,
  ...frontDeskHandlers,
  ...roomAssignmentHandlers,
  ...attendantHandlers,
  ...nightAuditHandlers,
  ...cancellationHandlers,
  ...memberHandlers,
  ...complaintHandlers,
  ...escalationHandlers,
  ...compensationHandlers,
  ...complaintPolicyHandlers,
  ...measureHandlers,
  ...callbackHandlers,
  ...reportHandlers,
  ...monthlyReportHandlers,
  ...submissionHandlers,
  ...archiveHandlers,
  ...downloadGrantHandlers,
  ...recordHandlers,
  ...homeHandlers,
};
