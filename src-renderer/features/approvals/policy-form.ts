/**
 * The approval policy as the editor holds it: amounts in yuan (what people type, two decimals)
 * where the contract has integer fen, blanks where it has null, one rule row per approvable
 * operation.
 */
import type { ApprovalPolicy, InputOf } from '@shared/contract';
import type { Role } from '@shared/permissions';

/** What a NumberInput holds: a number, or '' when cleared. */
type Amount = number | string;

export interface TierValues {
  maxYuan: Amount;
  approverRole: Role;
}

export interface RuleValues {
  operation: string;
  needsApproval: boolean;
  minApproverRole: Role | null;
  approvalMinYuan: Amount;
  dualReview: boolean;
  dualReviewMinYuan: Amount;
}

export interface PolicyValues {
  tiers: TierValues[];
  rules: RuleValues[];
  paperworkDays: Amount;
}

function toYuan(fen: number | null): Amount {
  return fen === null ? '' : fen / 100;
}

function toFen(yuan: Amount): number | null {
  if (yuan === '') return null;
  return Math.round(Number(yuan) * 100);
}

export function toFormValues(policy: ApprovalPolicy): PolicyValues {
  return {
    tiers: policy.tiers.map((tier) => ({ maxYuan: toYuan(tier.maxAmountFen), approverRole: tier.approverRole })),
    rules: policy.approvableOperations.map((operation) => {
      const rule = policy.rules.find((r) => r.operation === operation);
      return {
        operation,
        needsApproval: rule?.needsApproval ?? false,
        minApproverRole: rule?.minApproverRole ?? null,
        approvalMinYuan: toYuan(rule?.approvalMinFen ?? null),
        dualReview: rule?.dualReview ?? false,
        dualReviewMinYuan: toYuan(rule?.dualReviewMinFen ?? null),
      };
    }),
    paperworkDays: policy.paperworkDays,
  };
}

export function toPolicyInput(values: PolicyValues): InputOf<'approvals.setPolicy'> {
  return {
    // The last tier has no upper limit, whatever its (hidden) field holds.
    tiers: values.tiers.map((tier, i) => ({ maxAmountFen: i === values.tiers.length - 1 ? null : toFen(tier.maxYuan), approverRole: tier.approverRole })),
    rules: values.rules.map((rule) => ({
      operation: rule.operation,
      needsApproval: rule.needsApproval,
      minApproverRole: rule.minApproverRole,
      approvalMinFen: toFen(rule.approvalMinYuan),
      dualReview: rule.dualReview,
      dualReviewMinFen: toFen(rule.dualReviewMinYuan),
    })),
    paperworkDays: Number(values.paperworkDays),
  };
}

/** A new tier goes before the open-ended last one, starting just above the tier before it. */
export function newTier(values: PolicyValues): TierValues {
  const previous = values.tiers.at(-2);
  const last = values.tiers.at(-1)!;
  const from = previous && previous.maxYuan !== '' ? Number(previous.maxYuan) : 0;
  return { maxYuan: from + 10_000, approverRole: last.approverRole };
}
