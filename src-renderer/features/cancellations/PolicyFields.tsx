/** The inputs of one deadline or one penalty: a kind select, then the fields that kind has. */
import type { ReactNode } from 'react';
import { Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deadline, Penalty } from '@shared/rules/cancellation';
import { YuanInput } from '../../ui/money';
import { blankDeadline, blankPenalty, DEADLINE_KINDS, PENALTY_KINDS, type PolicySubject } from './policy-parts';
import { TimeField } from '../../ui/TimeField';

/** Errors by path inside the field (e.g. "time"), as the form's resolver reported them. */
type ErrorAt = (path: string) => ReactNode;

interface FieldProps<T> {
  value: T;
  onChange: (value: T) => void;
  subject: PolicySubject;
  errorAt: ErrorAt;
  disabled?: boolean;
  testId: string;
}

const toInt = (value: string | number) => Math.trunc(Number(value) || 0);

interface KindSelectProps<K extends string> {
  w: number;
  label: string;
  kinds: { value: K; label: string }[];
  value: K;
  /** Called with the new kind only; the caller starts that kind's fields blank. */
  onChange: (kind: K) => void;
  disabled?: boolean;
  testId: string;
}

/** The kind picker that leads both field groups; a kind cannot be cleared, only changed. */
function KindSelect<K extends string>({ w, label, kinds, value, onChange, disabled, testId }: KindSelectProps<K>) {
  return (
    <Select
      size="xs"
      w={w}
      aria-label={label}
      data={kinds}
      value={value}
      onChange={(kind) => kind && onChange(kind as K)}
      allowDeselect={false}
      disabled={disabled}
      data-testid={testId}
    />
  );
}

export function DeadlineFields({ value, onChange, subject, errorAt, disabled, testId }: FieldProps<Deadline>) {
  const { t } = useTranslation();
  const number = { size: 'xs', w: 90, min: 0, allowDecimal: false, disabled } as const;
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      <KindSelect
        w={130}
        label={t('cancellations.policy.deadlineKind')}
        kinds={DEADLINE_KINDS[subject].map((kind) => ({
          value: kind,
          label: t(`cancellations.policy.deadlineKinds.${kind}`),
        }))}
        value={value.kind}
        onChange={(kind) => onChange(blankDeadline(kind))}
        disabled={disabled}
        testId={`${testId}-kind`}
      />
      {value.kind === 'local_time' && (
        <>
          <NumberInput
            {...number}
            max={60}
            aria-label={t('cancellations.policy.daysBefore')}
            suffix={` ${t('cancellations.policy.units.days')}`}
            value={value.daysBefore}
            error={errorAt('daysBefore')}
            onChange={(days) => onChange({ ...value, daysBefore: toInt(days) })}
            data-testid={`${testId}-days`}
          />
          <TimeField
            size="xs"
            w={100}
            aria-label={t('cancellations.policy.time')}
            value={value.time}
            error={errorAt('time')}
            disabled={disabled}
            onChange={(time) => onChange({ ...value, time })}
            testId={`${testId}-time`}
          />
        </>
      )}
      {value.kind === 'hours_before' && (
        <NumberInput
          {...number}
          max={24 * 60}
          aria-label={t('cancellations.policy.hours')}
          suffix={` ${t('cancellations.policy.units.hours')}`}
          value={value.hours}
          error={errorAt('hours')}
          onChange={(hours) => onChange({ ...value, hours: toInt(hours) })}
          data-testid={`${testId}-hours`}
        />
      )}
      {value.kind === 'minutes_before' && (
        <NumberInput
          {...number}
          max={24 * 60}
          aria-label={t('cancellations.policy.minutes')}
          suffix={` ${t('cancellations.policy.units.minutes')}`}
          value={value.minutes}
          error={errorAt('minutes')}
          onChange={(minutes) => onChange({ ...value, minutes: toInt(minutes) })}
          data-testid={`${testId}-minutes`}
        />
      )}
    </Group>
  );
}

export function PenaltyFields({ value, onChange, subject, errorAt, disabled, testId }: FieldProps<Penalty>) {
  const { t } = useTranslation();
  // A stored policy may use a kind this subject does not offer; keep it selectable rather than blank.
  const kinds = PENALTY_KINDS[subject].includes(value.kind)
    ? PENALTY_KINDS[subject]
    : [...PENALTY_KINDS[subject], value.kind];
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      <KindSelect
        w={120}
        label={t('cancellations.policy.penaltyKind')}
        kinds={kinds.map((kind) => ({ value: kind, label: t(`cancellations.policy.penaltyKinds.${kind}`) }))}
        value={value.kind}
        onChange={(kind) => onChange(blankPenalty(kind))}
        disabled={disabled}
        testId={`${testId}-kind`}
      />
      {value.kind === 'percent' && (
        <NumberInput
          size="xs"
          w={80}
          min={1}
          max={100}
          allowDecimal={false}
          suffix="%"
          aria-label={t('cancellations.policy.percent')}
          value={value.percent}
          error={errorAt('percent')}
          disabled={disabled}
          onChange={(percent) => onChange({ ...value, percent: toInt(percent) })}
          data-testid={`${testId}-percent`}
        />
      )}
      {value.kind === 'nights' && (
        <NumberInput
          size="xs"
          w={80}
          min={1}
          max={90}
          allowDecimal={false}
          aria-label={t('cancellations.policy.nights')}
          suffix={` ${t('cancellations.policy.units.nights')}`}
          value={value.nights}
          error={errorAt('nights')}
          disabled={disabled}
          onChange={(nights) => onChange({ ...value, nights: toInt(nights) })}
          data-testid={`${testId}-nights`}
        />
      )}
      {value.kind === 'fixed' && (
        <YuanInput
          size="xs"
          w={100}
          aria-label={t('cancellations.policy.amount')}
          value={value.amountFen}
          error={errorAt('amountFen')}
          disabled={disabled}
          onChange={(amountFen) => onChange({ ...value, amountFen: amountFen ?? 0 })}
          data-testid={`${testId}-amount`}
        />
      )}
    </Group>
  );
}
