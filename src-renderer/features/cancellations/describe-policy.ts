/**
 * A cancellation policy as the sentences a guest reads ("预订后 2 小时内免费取消；入住前一天 18:00
 * 后收取首晚房费；未到店收取首晚房费"). Pure, so it is tested without React: the caller passes its
 * `t` and money formatter.
 */
import type { TFunction } from 'i18next';
import type { CancellationPolicy, Deadline, Penalty } from '@shared/rules/cancellation';
import type { PolicySubject } from './policy-parts';

export interface DescribeOptions {
  subject: PolicySubject;
  money: (fen: number) => string;
}

function describeDeadline(deadline: Deadline, t: TFunction, subject: PolicySubject): string {
  const start = t(`cancellations.describe.start.${subject}`);
  switch (deadline.kind) {
    case 'local_time': {
      const { daysBefore: days, time } = deadline;
      if (days === 0) return t('cancellations.describe.sameDay', { start, time });
      if (days === 1) return t('cancellations.describe.dayBefore', { start, time });
      return t('cancellations.describe.daysBefore', { start, time, days });
    }
    case 'hours_before':
      return t('cancellations.describe.hoursBefore', { start, hours: deadline.hours });
    case 'minutes_before':
      return t('cancellations.describe.minutesBefore', { start, minutes: deadline.minutes });
  }
}

export function describePenalty(penalty: Penalty, t: TFunction, money: (fen: number) => string): string {
  switch (penalty.kind) {
    case 'percent':
      return t('cancellations.describe.penalty.percent', { percent: penalty.percent });
    case 'nights':
      return t('cancellations.describe.penalty.nights', { nights: penalty.nights });
    case 'fixed':
      return t('cancellations.describe.penalty.fixed', { amount: money(penalty.amountFen) });
    case 'first_night':
    case 'none':
      return t(`cancellations.describe.penalty.${penalty.kind}`);
  }
}

/** One sentence per term, in the order they apply: grace, then the tiers, then a no-show. */
export function describePolicy(
  policy: CancellationPolicy,
  t: TFunction,
  { subject, money }: DescribeOptions,
): string[] {
  const lines: string[] = [];
  if (policy.graceHours) lines.push(t('cancellations.describe.grace', { hours: policy.graceHours }));
  // A non-refundable plan charges everything outside the grace period; its tiers and no-show term do not apply.
  if (policy.nonRefundable) return [...lines, t('cancellations.describe.nonRefundable')];
  if (policy.tiers.length === 0) lines.push(t('cancellations.describe.free'));
  for (const tier of policy.tiers) {
    lines.push(
      t('cancellations.describe.tier', {
        deadline: describeDeadline(tier.from, t, subject),
        penalty: describePenalty(tier.penalty, t, money),
      }),
    );
  }
  lines.push(t(`cancellations.describe.noShow.${subject}`, { penalty: describePenalty(policy.noShow, t, money) }));
  return lines;
}
