/**
 * The approval policy as the editor holds it: amounts in fen as in the contract (the money fields
 * show yuan), null where no amount is set, one rule row per approvable operation.
 */
import type { ApprovalPolicy, InputOf } from '@shared/contract';
import type { ApprovalRule, ApprovalTier } from '@shared/rules/approval-tiers';

export type TierValues = ApprovalTier;
export type RuleValues = ApprovalRule;

export interface PolicyValues {
  tiers: TierValues[];
  rules: RuleValues[];
  /** What a NumberInput holds: a number, or '' when cleared. */
  paperworkDays: number | string;
}

/** A new tier starts this far above the one before it. */
const TIER_STEP_FEN = 1_000_000;

export function toFormValues(policy: ApprovalPolicy): PolicyValues {
  return {
    tiers: policy.tiers.map((tier) => ({ maxAmountFen: tier.maxAmountFen, approverRole: tier.approverRole })),
    rules: policy.approvableOperations.map((operation) => {
      const rule = policy.rules.find((r) => r.operation === operation);
      return {
        operation,
        needsApproval: rule?.needsApproval ?? false,
        minApproverRole: rule?.minApproverRole ?? null,
        approvalMinFen: rule?.approvalMinFen ?? null,
        dualReview: rule?.dualReview ?? false,
        dualReviewMinFen: rule?.dualReviewMinFen ?? null,
      };
    }),
    paperworkDays: policy.paperworkDays,
  };
}

export function toPolicyInput(values: PolicyValues): InputOf<'approvals.setPolicy'> {
  return {
    // The last tier has no upper limit, whatever its (hidden) field holds.
    tiers: values.tiers.map((tier, i) => ({
      maxAmountFen: i === values.tiers.length - 1 ? null : tier.maxAmountFen,
      approverRole: tier.approverRole,
    })),
    rules: values.rules,
    paperworkDays: Number(values.paperworkDays),
  };
}

/** A new tier goes before the open-ended last one, starting just above the tier before it. */
export function newTier(values: PolicyValues): TierValues {
  const previous = values.tiers.at(-2);
  const last = values.tiers.at(-1)!;
  return { maxAmountFen: (previous?.maxAmountFen ?? 0) + TIER_STEP_FEN, approverRole: last.approverRole };
}
