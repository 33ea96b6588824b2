/** Who may co-own a complaint: a supervisor or above a major one, a director or above a group one. */
import type { ComplaintSeverity } from '../contract/complaints';
import type { Role } from '../permissions';
import { APPROVER_RANK } from './approval-tiers';

export function mayCoOwn(role: Role, severity: ComplaintSeverity): boolean {
  if (severity === 'general') return false;
  return APPROVER_RANK[role] >= (severity === 'group' ? APPROVER_RANK.director : APPROVER_RANK.supervisor);
}
