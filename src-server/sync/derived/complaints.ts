/**
 * Whom a complaint step names, checked against the server's own staff and permission matrix: a
 * co-owner holds complaints.supervise at the rank the severity asks (mayCoOwn), a hand-over's
 * receiver holds complaints.handle; both active. A desk's write rule can only check that the input
 * names them; a tampered desk could otherwise make anyone a co-owner or a receiver.
 */
import type { ComplaintSeverity } from '@shared/contract';
import { isRole, type Permission } from '@shared/permissions';
import { mayCoOwn } from '@shared/rules/complaint-escalation';
import type { Rejection } from '../authority';
import { isActiveStaff } from '../authority';
import type { Derivation } from './facts';

async function holds(d: Derivation, staffId: unknown, permission: Permission) {
  const staff = typeof staffId === 'string' ? await d.facts.row('staff', staffId) : null;
  if (!isActiveStaff(staff) || !isRole(String(staff.role))) return null;
  const grant = await d.facts.row('role_permission', JSON.stringify([staff.role, permission]));
  return grant === null ? null : staff.role;
}

const notAllowed = (detail: string): Rejection => ({ reason: 'WRITE_NOT_ALLOWED', detail });

export async function checkCoOwner(d: Derivation): Promise<Rejection | null> {
  for (const { after } of d.rows.updated('complaint')) {
    const role = await holds(d, after.co_owner_id, 'complaints.supervise');
    if (role === null || !mayCoOwn(role, after.severity as ComplaintSeverity))
      return notAllowed(
        `co_owner_id ${String(after.co_owner_id)} may not co-own a ${String(after.severity)} complaint`,
      );
  }
  return null;
}

export async function checkReceiver(d: Derivation): Promise<Rejection | null> {
  for (const { after } of d.rows.updated('complaint')) {
    if ((await holds(d, after.pending_owner_id, 'complaints.handle')) === null)
      return notAllowed(`pending_owner_id ${String(after.pending_owner_id)} does not handle complaints`);
  }
  return null;
}
