/**
 * 补偿: what the ticket's owner or co-owner gives the guest — a refund on the complaint's booking,
 * points into the guest's member account, or a free night, upgrade or voucher recorded at its
 * value. The approvals engine holds it by amount, so a submit beyond the person's authority opens
 * the approval dialog with the same input; it takes effect once approved.
 */
import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  COMPENSATION_KINDS,
  operations,
  type ApprovalRequest,
  type Complaint,
  type CompensationKind,
} from '@shared/contract';
import { useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { YuanInput } from '../../ui/money';
import { ApprovalRequestDialog } from '../approvals/ApprovalRequestDialog';
import { heldFrom, type HeldOperation } from '../approvals/held';

const fields = operations['complaints.compensate'].input.shape;

interface CompensateFormProps {
  complaint: Complaint;
  /** The compensation took effect: given at once, or approved at the desk. */
  onDone?: () => void;
  onCancel?: () => void;
}

/** Why a kind cannot be given on this ticket (the handler decides again), or null. */
function unavailable(kind: CompensationKind, complaint: Complaint): 'needsBooking' | 'needsGuest' | null {
  if (kind === 'refund' && complaint.bookingId === null) return 'needsBooking';
  if (kind === 'points' && complaint.guestId === null) return 'needsGuest';
  return null;
}

export function CompensateForm({ complaint, onDone, onCancel }: CompensateFormProps) {
  const { t } = useTranslation();
  const { forForm } = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState<HeldOperation | null>(null);
  const schema = z
    .object({
      kind: fields.kind,
      amountFen: fields.amountFen.unwrap(),
      points: fields.points.unwrap(),
      note: fields.note,
    })
    .refine((values) => (values.kind === 'points' ? values.points > 0 : values.amountFen > 0), {
      path: ['amount'],
      error: t('COMPENSATION_AMOUNT', { ns: 'errors' }),
    });
  const form = useForm({
    initialValues: { kind: 'voucher' as CompensationKind, amountFen: 0, points: 0, note: '' },
    validate: zod4Resolver(schema),
  });
  const labels = {
    kind: t('complaints.compensation.kind'),
    amountFen: t('complaints.compensation.amount'),
    points: t('complaints.compensation.points'),
    note: t('complaints.compensation.note'),
  };

  const done = () => {
    notifications.show({ color: 'teal', message: t('complaints.compensation.done') });
    form.reset();
    onDone?.();
  };
  const compensate = useMutate('complaints.compensate', {
    onSuccess: done,
    onError: (thrown, input) => {
      const kind = t(`complaints.compensation.kinds.${input.kind}`);
      const next = heldFrom(
        thrown,
        'complaints.compensate',
        input,
        t('complaints.compensation.subject', { number: complaint.number, kind }),
      );
      if (next) setHeld(next);
      else setError(forForm(form, thrown, labels));
    },
  });
  const onExecuted = (request: ApprovalRequest) => {
    if (request.status === 'executed') done();
  };

  const kind = form.values.kind;
  const points = kind === 'points';
  // The refinement's error sits on whichever field the kind uses.
  const amountError = form.errors['amount'];
  const notOffered = COMPENSATION_KINDS.map((value) => unavailable(value, complaint)).filter((why) => why !== null);

  // The dialog stays outside the form: React bubbles its submit through the portal to any form around it.
  return (
    <>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setError(null);
          compensate.mutate({
            id: complaint.id,
            kind: values.kind,
            amountFen: values.kind === 'points' ? 0 : values.amountFen,
            points: values.kind === 'points' ? values.points : 0,
            note: values.note,
          });
        })}
        data-testid="compensate-form"
      >
        <Stack gap="sm">
          <Select
            label={labels.kind}
            data={COMPENSATION_KINDS.map((value) => ({
              value,
              label: t(`complaints.compensation.kinds.${value}`),
              disabled: unavailable(value, complaint) !== null,
            }))}
            allowDeselect={false}
            description={notOffered.map((why) => t(`complaints.compensation.${why}`)).join('；')}
            data-testid="compensate-kind"
            {...form.getInputProps('kind')}
            onChange={(value) => {
              const chosen = COMPENSATION_KINDS.find((known) => known === value);
              if (!chosen) return;
              form.setValues({ kind: chosen, amountFen: 0, points: 0 });
              form.clearErrors();
            }}
          />
          {points ? (
            <NumberInput
              label={labels.points}
              description={t('complaints.compensation.hints.points')}
              min={0}
              allowDecimal={false}
              thousandSeparator=","
              data-testid="compensate-points"
              {...form.getInputProps('points')}
              error={amountError ?? form.errors['points']}
            />
          ) : (
            <YuanInput
              label={labels.amountFen}
              description={t(`complaints.compensation.hints.${kind}`)}
              data-testid="compensate-amount"
              {...form.getInputProps('amountFen')}
              error={amountError ?? form.errors['amountFen']}
            />
          )}
          <Textarea
            label={labels.note}
            description={t('complaints.compensation.noteHint')}
            autosize
            minRows={2}
            data-testid="compensate-note"
            {...form.getInputProps('note')}
          />
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
            {t('complaints.compensation.approvalHint')}
          </Alert>
          <FormError message={error} testId="compensate-error" />
          <Group justify="flex-end">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={compensate.isPending} data-testid="compensate-submit">
              {t('complaints.compensation.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ApprovalRequestDialog held={held} onClose={() => setHeld(null)} onExecuted={onExecuted} />
    </>
  );
}
