/**
 * Who must approve what. Policy is data (edited by admins); these pure functions read it:
 * the amount tiers pick an approver role, a rule may ask for a higher one, the requester's own
 * rank may make approval unnecessary, and dual review asks for a second person regardless.
 */
import type { Role } from '../permissions';

/** Approval authority by role. Roles without rank (agent, service rep, admin) never approve. */
export const APPROVER_RANK: Readonly<Record<Role, number>> = {
  agent: 0,
  service_rep: 0,
  admin: 0,
  supervisor: 1,
  director: 2,
  general_manager: 3,
};

export const APPROVER_ROLES = (Object.keys(APPROVER_RANK) as Role[]).filter((role) => APPROVER_RANK[role] > 0);

/** Amounts up to and including `maxAmountFen` go to `approverRole`; the last tier has no limit (null). */
export interface ApprovalTier {
  maxAmountFen: number | null;
  approverRole: Role;
}

export interface ApprovalRule {
  operation: string;
  needsApproval: boolean;
  /** The lowest role that may approve, whatever the amount (e.g. exports go to a director). */
  minApproverRole: Role | null;
  /** Approval only from this amount on (null: always). */
  approvalMinFen: number | null;
  dualReview: boolean;
  /** Dual review only from this amount on (null: always). */
  dualReviewMinFen: number | null;
}

export interface Requirements {
  /** The role (or higher) that must approve; null when no approval is needed. */
  approverRole: Role | null;
  /** A second person holding the operation's permission must review. */
  dualReview: boolean;
}

export const NO_REQUIREMENTS: Requirements = { approverRole: null, dualReview: false };

function higher(a: Role, b: Role | null): Role {
  return b !== null && APPROVER_RANK[b] > APPROVER_RANK[a] ? b : a;
}

/** The approver role of the tier an amount falls in; without an amount, the first tier's. */
export function tierRoleFor(tiers: readonly ApprovalTier[], amountFen: number | null): Role {
  if (tiers.length === 0) throw new Error('approval policy has no tiers');
  if (amountFen === null) return tiers[0]!.approverRole;
  const tier = tiers.find((t) => t.maxAmountFen === null || amountFen <= t.maxAmountFen);
  return (tier ?? tiers.at(-1)!).approverRole;
}

/** What must happen before an operation by `requesterRole` may take effect. */
export function requirementsFor(
  rule: ApprovalRule | undefined,
  tiers: readonly ApprovalTier[],
  amountFen: number | null,
  requesterRole: Role,
): Requirements {
  if (!rule) return NO_REQUIREMENTS;
  const amount = amountFen ?? 0;
  let approverRole: Role | null = null;
  if (rule.needsApproval && (rule.approvalMinFen === null || amount >= rule.approvalMinFen)) {
    const required = higher(tierRoleFor(tiers, amountFen), rule.minApproverRole);
    if (APPROVER_RANK[requesterRole] < APPROVER_RANK[required]) approverRole = required;
  }
  const dualReview = rule.dualReview && (rule.dualReviewMinFen === null || amount >= rule.dualReviewMinFen);
  return { approverRole, dualReview };
}

/**
 * Whether a person of `role` may approve at the `required` tier: normally when their rank
 * reaches it; in an emergency any approver may authorise beyond their tier.
 */
export function approvalAuthority(role: Role, required: Role, emergency: boolean): 'normal' | 'emergency' | null {
  if (APPROVER_RANK[role] >= APPROVER_RANK[required]) return 'normal';
  if (emergency && APPROVER_RANK[role] > 0) return 'emergency';
  return null;
}

/** Tiers must rise in amount, end with an open tier, and never ask a lower role for more money. */
export function tiersAreValid(tiers: readonly ApprovalTier[]): boolean {
  if (tiers.length === 0 || tiers.at(-1)!.maxAmountFen !== null) return false;
  return tiers.every((tier, i) => {
    if (APPROVER_RANK[tier.approverRole] === 0) return false;
    if (i === 0) return true;
    const prev = tiers[i - 1]!;
    if (prev.maxAmountFen === null) return false;
    if (tier.maxAmountFen !== null && tier.maxAmountFen <= prev.maxAmountFen) return false;
    return APPROVER_RANK[tier.approverRole] >= APPROVER_RANK[prev.approverRole];
  });
}
