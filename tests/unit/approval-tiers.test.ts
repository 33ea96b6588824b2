import { describe, expect, it } from 'vitest';
import {
  approvalAuthority,
  requirementsFor,
  tierRoleFor,
  tiersAreValid,
  type ApprovalRule,
  type ApprovalTier,
} from '@shared/rules/approval-tiers';

/** The procedures' default: below ¥100,000 a supervisor, ¥100,000–500,000 the director, above that the general manager. */
const TIERS: ApprovalTier[] = [
  { maxAmountFen: 9_999_999, approverRole: 'supervisor' },
  { maxAmountFen: 50_000_000, approverRole: 'director' },
  { maxAmountFen: null, approverRole: 'general_manager' },
];

const refund: ApprovalRule = {
  operation: 'refunds.issue',
  needsApproval: true,
  minApproverRole: null,
  approvalMinFen: null,
  dualReview: false,
  dualReviewMinFen: null,
};

describe('the approver tier of an amount', () => {
  it.each([
    ['¥0.00', 0, 'supervisor'],
    ['¥99,999.99', 9_999_999, 'supervisor'],
    ['¥100,000.00', 10_000_000, 'director'],
    ['¥100,000.01', 10_000_001, 'director'],
    ['¥499,999.99', 49_999_999, 'director'],
    ['¥500,000.00', 50_000_000, 'director'],
    ['¥500,000.01', 50_000_001, 'general_manager'],
    ['¥10,000,000.00', 1_000_000_000, 'general_manager'],
    ['no amount', null, 'supervisor'],
  ] as const)('%s goes to the %s', (_label, amount, role) => {
    expect(tierRoleFor(TIERS, amount)).toBe(role);
  });
});

describe('what an operation requires', () => {
  it.each([
    { who: 'an agent', role: 'agent', amount: 9_999_999, expected: { approverRole: 'supervisor', dualReview: false } },
    { who: 'an agent', role: 'agent', amount: 10_000_000, expected: { approverRole: 'director', dualReview: false } },
    { who: 'a supervisor', role: 'supervisor', amount: 9_999_999, expected: { approverRole: null, dualReview: false } },
    {
      who: 'a supervisor',
      role: 'supervisor',
      amount: 10_000_000,
      expected: { approverRole: 'director', dualReview: false },
    },
    { who: 'a director', role: 'director', amount: 50_000_000, expected: { approverRole: null, dualReview: false } },
    {
      who: 'a director',
      role: 'director',
      amount: 50_000_001,
      expected: { approverRole: 'general_manager', dualReview: false },
    },
    { who: 'an admin', role: 'admin', amount: 100, expected: { approverRole: 'supervisor', dualReview: false } },
  ] as const)('$who asking for $amount fen needs $expected', ({ role, amount, expected }) => {
    expect(requirementsFor(refund, TIERS, amount, role)).toEqual(expected);
  });

  it('needs nothing for an operation without a rule', () => {
    expect(requirementsFor(undefined, TIERS, 1_000_000_000, 'agent')).toEqual({
      approverRole: null,
      dualReview: false,
    });
  });

  it('raises the tier to the rule minimum whatever the amount', () => {
    const exportRule = { ...refund, operation: 'guests.export', minApproverRole: 'director' as const };
    expect(requirementsFor(exportRule, TIERS, null, 'supervisor').approverRole).toBe('director');
    expect(requirementsFor(exportRule, TIERS, 60_000_000, 'supervisor').approverRole).toBe('general_manager');
  });

  it('asks for approval and dual review only from their thresholds on, one fen either side', () => {
    const rule = { ...refund, approvalMinFen: 50_000, dualReview: true, dualReviewMinFen: 1_000_000 };
    expect(requirementsFor(rule, TIERS, 49_999, 'agent')).toEqual({ approverRole: null, dualReview: false });
    expect(requirementsFor(rule, TIERS, 50_000, 'agent')).toEqual({ approverRole: 'supervisor', dualReview: false });
    expect(requirementsFor(rule, TIERS, 999_999, 'agent')).toEqual({ approverRole: 'supervisor', dualReview: false });
    expect(requirementsFor(rule, TIERS, 1_000_000, 'agent')).toEqual({ approverRole: 'supervisor', dualReview: true });
  });

  it('asks a supervisor doing a dual-review operation for a second person', () => {
    const deletion = { ...refund, operation: 'guests.delete', dualReview: true };
    expect(requirementsFor(deletion, TIERS, null, 'supervisor')).toEqual({ approverRole: null, dualReview: true });
  });
});

describe('approval authority', () => {
  it.each([
    ['supervisor', 'supervisor', false, 'normal'],
    ['director', 'supervisor', false, 'normal'],
    ['supervisor', 'director', false, null],
    ['supervisor', 'director', true, 'emergency'],
    ['supervisor', 'general_manager', true, 'emergency'],
    ['agent', 'supervisor', true, null],
    ['admin', 'supervisor', false, null],
  ] as const)('a %s approving at the %s tier (emergency %s): %s', (role, required, emergency, expected) => {
    expect(approvalAuthority(role, required, emergency)).toBe(expected);
  });
});

describe('tier tables an admin may save', () => {
  it('accepts the default tiers', () => expect(tiersAreValid(TIERS)).toBe(true));
  it.each([
    ['no tiers', []],
    ['no open last tier', [{ maxAmountFen: 100, approverRole: 'supervisor' }]],
    [
      'amounts not rising',
      [
        { maxAmountFen: 100, approverRole: 'supervisor' },
        { maxAmountFen: 100, approverRole: 'director' },
        { maxAmountFen: null, approverRole: 'director' },
      ],
    ],
    [
      'a lower role for more money',
      [
        { maxAmountFen: 100, approverRole: 'director' },
        { maxAmountFen: null, approverRole: 'supervisor' },
      ],
    ],
    ['a role that never approves', [{ maxAmountFen: null, approverRole: 'agent' }]],
  ] as const)('refuses %s', (_label, tiers) => {
    expect(tiersAreValid(tiers as unknown as ApprovalTier[])).toBe(false);
  });
});
