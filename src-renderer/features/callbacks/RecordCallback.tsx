/**
 * Recording one call on a task: reached (a 1–5 score, and the task is done), not reached, or the
 * guest asked to be called again at a time, entered in the property's zone. The guest's words go
 * down as they said them.
 */
import { Group, Input, Radio, Rating, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { CALLBACK_OUTCOMES, type Callback, type CallbackOutcome } from '@shared/contract';
import { callBy } from '@shared/rules/callbacks';
import { useFormat } from '../../i18n/format';
import { Fact } from '../../ui/Fact';
import { ModalForm } from '../../ui/ModalForm';
import { useFormCall } from '../../ui/use-form-submit';
import { referenceOf } from './reference';
import { TimeField } from '../../ui/TimeField';
import { DateField } from '../../ui/DateField';

/** The call-again time in the zone to the minute, e.g. 2026-11-27T15:00: its date field, then its time field. */
const LOCAL_MINUTES = "yyyy-MM-dd'T'HH:mm";

export function RecordCallback({ task, onRecorded }: { task: Callback; onRecorded: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const inZone = (dt: DateTime) => (format.zone ? dt.setZone(format.zone) : dt);
  const form = useForm({
    initialValues: {
      outcome: 'reached' as CallbackOutcome,
      score: 0,
      words: '',
      // Two hours from now, on the hour: a likely time to try again.
      callAgainAt: inZone(DateTime.now()).plus({ hours: 2 }).startOf('hour').toFormat(LOCAL_MINUTES),
    },
    validate: {
      score: (value, values) => (values.outcome === 'reached' && value < 1 ? t('validation.required') : null),
      callAgainAt: (value, values) => (values.outcome === 'call_again' && !value ? t('validation.required') : null),
    },
  });
  const { outcome, callAgainAt } = form.values;
  const submit = useFormCall(form, 'callbacks.record', {
    input: (values: typeof form.values) => ({
      id: task.id,
      outcome: values.outcome,
      score: values.outcome === 'reached' && values.score > 0 ? values.score : null,
      words: values.words,
      callAgainAt:
        values.outcome === 'call_again'
          ? DateTime.fromISO(values.callAgainAt, { zone: format.zone }).toUTC().toISO()
          : null,
    }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('callbacks.recorded') });
      onRecorded();
    },
    fieldLabels: {
      score: t('callbacks.score'),
      callAgainAt: t('callbacks.callAgainAt'),
      words: t('callbacks.words'),
    },
  });
  return (
    <ModalForm
      onSubmit={submit.onSubmit}
      onCancel={onRecorded}
      error={submit.error}
      pending={submit.pending}
      errorTestId="callback-record-error"
      submitTestId="callback-record-submit"
    >
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs" data-testid="callback-task">
        <Fact label={t('callbacks.guest')}>{task.guestName ?? t('common.empty')}</Fact>
        <Fact label={t('callbacks.phoneLast4')}>{task.phoneLast4 ?? t('common.empty')}</Fact>
        <Fact label={t('callbacks.kind')}>{t(`callbacks.kinds.${task.kind}`)}</Fact>
        <Fact label={t('callbacks.reference')}>{referenceOf(task)}</Fact>
        <Fact label={t('callbacks.callBy')}>{format.minute(callBy(task))}</Fact>
        <Fact label={t('callbacks.attempts')}>{t('callbacks.attemptsCount', { count: task.attempts })}</Fact>
      </SimpleGrid>
      {task.lastOutcome && task.lastAttemptAt && (
        <Input.Description data-testid="callback-last">
          {t('callbacks.lastOutcome', {
            outcome: t(`callbacks.outcomes.${task.lastOutcome}`),
            at: format.minute(task.lastAttemptAt),
          })}
          {task.words && ` ${t('callbacks.lastWords', { words: task.words })}`}
        </Input.Description>
      )}
      <Radio.Group label={t('callbacks.outcome')} data-testid="callback-outcome" {...form.getInputProps('outcome')}>
        <Stack gap={6} mt={6}>
          {CALLBACK_OUTCOMES.map((value) => (
            <Radio
              key={value}
              value={value}
              label={t(`callbacks.outcomes.${value}`)}
              data-testid={`callback-outcome-${value}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      {outcome === 'reached' && (
        <Input.Wrapper label={t('callbacks.score')} required error={form.errors.score}>
          <Rating
            size="lg"
            mt={4}
            getSymbolLabel={(value) => t('callbacks.stars', { count: value })}
            data-testid="callback-score-input"
            {...form.getInputProps('score')}
          />
        </Input.Wrapper>
      )}
      {outcome === 'call_again' && (
        <Input.Wrapper label={t('callbacks.callAgainAt')} required error={form.errors.callAgainAt}>
          <Group gap="xs" mt={4} align="flex-start">
            <DateField
              w={170}
              aria-label={t('callbacks.callAgainAt')}
              value={callAgainAt.slice(0, 10)}
              onChange={(date) => form.setFieldValue('callAgainAt', date && `${date}T${callAgainAt.slice(11)}`)}
              data-testid="callback-call-again-at"
            />
            <TimeField
              value={callAgainAt.slice(11)}
              onChange={(time) => form.setFieldValue('callAgainAt', time && `${callAgainAt.slice(0, 10)}T${time}`)}
              testId="callback-call-again-time"
            />
          </Group>
        </Input.Wrapper>
      )}
      <Textarea
        label={t('callbacks.words')}
        placeholder={t('callbacks.wordsPlaceholder')}
        autosize
        minRows={3}
        data-testid="callback-words-input"
        {...form.getInputProps('words')}
      />
    </ModalForm>
  );
}
