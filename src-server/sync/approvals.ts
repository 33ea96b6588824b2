/**
 * A held operation pushed with an `approvalId` runs on an approval the server itself holds: the
 * request for this very operation, by this actor, with this input, executed; approved by people
 * the server's own matrix and policy entitle (not the requester, active, holding approvals.decide
 * at the tier the amount needs, and a second reviewer where the policy asks for one); used once.
 */
import { isOperationName, operations } from '@shared/contract';
import { isRole } from '@shared/permissions';
import {
  approvalAuthority,
  NO_REQUIREMENTS,
  requirementsFor,
  type ApprovalRule,
  type ApprovalTier,
  type Requirements,
} from '@shared/rules/approval-tiers';
import { auditPlan } from '@shared/rules/business-day';
import { localDateOf } from '@shared/time';
import { canonicalJson } from '@shared/sync/intent';
import type { PushedMutation } from '@shared/sync/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { fromJson } from '@shared/json';
import type { NightPrice } from '@shared/rules/pricing';
import type { SyncedSettings } from '@shared/settings';
import { redemptionValueFen } from '@shared/rules/points';
import { isActiveStaff, type AuthorityCache, type Pusher, type Rejection } from './authority';
import { ServerFacts } from './derived/facts';
import { groupRows, readRow } from './rows';

async function policyFor(
  db: Kysely<Database>,
  propertyId: string,
  operation: string,
): Promise<{ rule: ApprovalRule | undefined; tiers: ApprovalTier[] }> {
  const rule = await readRow(db, propertyId, 'approval_rule', operation);
  const tiers: ApprovalTier[] = [];
  for (let position = 1; ; position++) {
    const tier = await readRow(db, propertyId, 'approval_tier', String(position));
    if (!tier) break;
    tiers.push({ maxAmountFen: tier.max_amount_fen, approverRole: tier.approver_role });
  }
  return {
    rule:
      rule === null
        ? undefined
        : {
            operation,
            needsApproval: rule.needs_approval === 1,
            minApproverRole: rule.min_approver_role,
            approvalMinFen: rule.approval_min_fen,
            dualReview: rule.dual_review === 1,
            dualReviewMinFen: rule.dual_review_min_fen,
          },
    tiers,
  };
}

/** The amount an approval was for, as the server works it out from its own rows (the desk's figure only where the server has none). */
async function amountOf(
  db: Kysely<Database>,
  propertyId: string,
  operation: string,
  input: Record<string, unknown>,
  requested: number | null,
): Promise<number | null> {
  if (operation === 'bookings.overridePrice') {
    const booking = await readRow(db, propertyId, 'booking', String(input.id));
    if (!booking) return null;
    const nights = fromJson<NightPrice[]>(booking.nights_json).length;
    return Math.max(0, booking.total_fen - Number(input.nightlyFen) * nights);
  }
  if (operation === 'cancellations.waive') {
    const cancellation = await readRow(db, propertyId, 'cancellation', String(input.cancellationId));
    return cancellation ? Math.max(0, cancellation.penalty_fen - Number(input.penaltyFen)) : null;
  }
  // The value given: money as the (signed) input says, points at the server's own loyalty policy.
  if (operation === 'complaints.compensate') {
    if (input.kind !== 'points') return Number(input.amountFen);
    const { pointValueFen } = await new ServerFacts(db, propertyId).membersPolicy();
    return redemptionValueFen(Number(input.points), pointValueFen);
  }
  return requested;
}

/** The business date as the desk reckons it: the night audit's setting, or the date of `at` in the property's zone. */
async function businessDateAt(db: Kysely<Database>, propertyId: string, at: string): Promise<string> {
  const setting = await readRow(db, propertyId, 'setting', 'businessDate');
  if (setting) return fromJson<SyncedSettings['businessDate']>(setting.value_json);
  const property = await readRow(db, propertyId, 'property', propertyId);
  return localDateOf(at, property ? property.time_zone : 'UTC');
}

/** Whether a night audit pushed at `at` closes its date before that date's calendar day ended in the property's zone. */
async function closesEarly(
  db: Kysely<Database>,
  propertyId: string,
  input: Record<string, unknown>,
  at: string,
): Promise<boolean> {
  const property = await readRow(db, propertyId, 'property', propertyId);
  return auditPlan(String(input.closingDate), at, property ? property.time_zone : 'UTC').early;
}

/**
 * Whether the server's policy holds this call for approval: what the desk's approval gate asks,
 * with the amount worked out from the server's rows. Changes are held only when urgent (the guest
 * arrives today or is in house); a night audit only when it closes its date early.
 */
async function heldByPolicy(
  db: Kysely<Database>,
  pusher: Pusher,
  mutation: PushedMutation,
  actorRole: string,
): Promise<Requirements> {
  const { rule, tiers } = await policyFor(db, pusher.propertyId, mutation.name);
  if (!rule || tiers.length === 0 || !isRole(actorRole)) return NO_REQUIREMENTS;
  const input = (mutation.input ?? {}) as Record<string, unknown>;
  if (mutation.name === 'bookings.change') {
    const booking = await readRow(db, pusher.propertyId, 'booking', String(input.id));
    const urgent =
      booking !== null &&
      (booking.status === 'checked_in' ||
        booking.arrival <= (await businessDateAt(db, pusher.propertyId, mutation.at)));
    if (!urgent) return NO_REQUIREMENTS;
  }
  if (mutation.name === 'nightAudit.roll' && !(await closesEarly(db, pusher.propertyId, input, mutation.at)))
    return NO_REQUIREMENTS;
  return requirementsFor(rule, tiers, await amountOf(db, pusher.propertyId, mutation.name, input, null), actorRole);
}

export async function checkApproval(
  db: Kysely<Database>,
  pusher: Pusher,
  mutation: PushedMutation,
  actorRole: string | null,
  cache: AuthorityCache,
): Promise<Rejection | null> {
  const { approvalId } = mutation;
  const invalid = (detail: string): Rejection => ({ reason: 'APPROVAL_INVALID', detail });
  if (approvalId === null) {
    if (actorRole === null) return null;
    const required = await heldByPolicy(db, pusher, mutation, actorRole);
    return required.approverRole || required.dualReview
      ? invalid(`approval required (${required.approverRole ?? 'review'})`)
      : null;
  }
  const request = await readRow(db, pusher.propertyId, 'approval_request', approvalId);
  if (!request) return invalid('unknown approval');
  if (request.operation !== mutation.name || request.requester_id !== mutation.actorId)
    return invalid('approval of another operation or person');
  if (request.status !== 'executed') return invalid(`approval ${request.status}`);
  if (canonicalJson(fromJson(request.input_json)) !== canonicalJson(mutation.input))
    return invalid('approval of another input');
  const used = await db
    .selectFrom('approval_use')
    .select('seq')
    .where('property_id', '=', pusher.propertyId)
    .where('approval_id', '=', approvalId)
    .executeTakeFirst();
  if (used) return invalid('approval already used');

  const requester = await cache.actor(db, pusher.propertyId, request.requester_id);
  if (!requester) return invalid('requester unknown');
  const { rule, tiers } = await policyFor(db, pusher.propertyId, mutation.name);
  const amount = await amountOf(
    db,
    pusher.propertyId,
    mutation.name,
    (mutation.input ?? {}) as Record<string, unknown>,
    request.amount_fen,
  );
  const required =
    tiers.length > 0 ? requirementsFor(rule, tiers, amount, requester.role) : { approverRole: null, dualReview: false };
  const permission = isOperationName(mutation.name) ? operations[mutation.name].access : undefined;

  let approved = required.approverRole === null;
  let reviewed = !required.dualReview;
  const decisions = (await groupRows(db, pusher.propertyId, 'approval_decision', [approvalId])).map(({ row }) => row);
  // Whoever signed the held operation instead of its requester is one of the people who approved it.
  if (
    mutation.signedBy !== mutation.actorId &&
    !decisions.some((d) => d.kind === 'approve' && d.decider_id === mutation.signedBy)
  )
    return invalid('signed by someone who did not approve it');
  for (const decision of decisions) {
    if (decision.kind !== 'approve' || decision.decider_id === request.requester_id) continue;
    const decider = await cache.actor(db, pusher.propertyId, decision.decider_id);
    if (!isActiveStaff(decider)) continue;
    const grants = await cache.grantsOf(db, pusher.propertyId, decider.role);
    if (
      required.approverRole !== null &&
      grants.has('approvals.decide') &&
      approvalAuthority(decider.role, required.approverRole, decision.emergency === 1) !== null
    )
      approved = true;
    if (required.dualReview && typeof permission === 'string' && grants.has(permission)) reviewed = true;
  }
  if (!approved) return invalid(`needs approval by ${required.approverRole ?? '-'}`);
  if (!reviewed) return invalid('needs a second reviewer');
  return null;
}

/** Marks the approval used by the mutation that ran it. */
export async function useApproval(db: Kysely<Database>, pusher: Pusher, mutation: PushedMutation): Promise<void> {
  if (mutation.approvalId === null) return;
  await db
    .insertInto('approval_use')
    .values({
      property_id: pusher.propertyId,
      approval_id: mutation.approvalId,
      device_id: pusher.deviceId,
      seq: mutation.seq,
    })
    .execute();
}
