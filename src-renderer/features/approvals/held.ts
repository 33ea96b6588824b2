/**
 * An operation the services held for approval (APPROVAL_REQUIRED), as the request dialog needs
 * it: what to run, what it is about, and what the policy awaits before it may run.
 */
import type { ApprovalRequest, OperationName } from '@shared/contract';
import { isRole } from '@shared/permissions';
import { toAppError } from '../../i18n/errors';

export type Awaiting = ApprovalRequest['awaiting'];

export interface HeldOperation {
  operation: OperationName;
  input: unknown;
  /** What the operation is about, as the person at the desk recognises it (a guest's name). */
  subject: string;
  awaiting: Awaiting;
}

/** The held operation when `thrown` is APPROVAL_REQUIRED, otherwise null (the caller shows the error). */
export function heldFrom(
  thrown: unknown,
  operation: OperationName,
  input: unknown,
  subject: string,
): HeldOperation | null {
  const error = toAppError(thrown);
  if (error.code !== 'APPROVAL_REQUIRED') return null;
  const role = String(error.params?.['role'] ?? '');
  return {
    operation,
    input,
    subject,
    awaiting: { approverRole: isRole(role) ? role : null, dualReview: Number(error.params?.['dualReview']) === 1 },
  };
}
