/**
 * Cancelling a booking or a ticket order: the quote (free until when, what cancelling now costs
 * and refunds), the reason and refund method, then the cancellation as recorded, with its penalty
 * open to a waiver. The services decide the charge at the moment of cancelling; the quote is
 * refreshed every minute so what is shown matches it.
 */
import { useState } from 'react';
import { Alert, Center, Loader, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cancellation } from '@shared/contract';
import { useErrorText } from '../../i18n/errors';
import { useCancellationQuote, type CancelSubject } from './cancellation-quote';
import { CancelForm, type RefundMethod } from './CancelForm';
import { CancelResult } from './CancelResult';
import { useCall } from '../../api/use-call';

interface CancelDialogProps {
  subject: CancelSubject;
  opened: boolean;
  onClose: () => void;
  /** Runs once the cancellation is recorded (and again after a waiver changes it). */
  onCancelled?: (cancellation: Cancellation) => void;
}

export function CancelDialog({ subject, opened, onClose, onCancelled }: CancelDialogProps) {
  const { t } = useTranslation();
  const title = subject.type === 'booking' ? t('cancellations.dialog.title') : t('cancellations.dialog.titleTicket');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered data-testid="cancel-dialog">
      {opened && (
        <CancelBody
          key={`${subject.type}:${subject.id}`}
          subject={subject}
          onClose={onClose}
          onCancelled={onCancelled}
        />
      )}
    </Modal>
  );
}

/** How the guest paid last: the natural way to refund. Tickets keep no payment method, so cash. */
function useDefaultRefundMethod(subject: CancelSubject): { method: RefundMethod; loading: boolean } {
  const booking = useCall('bookings.get', { id: subject.id }, { enabled: subject.type === 'booking' });
  if (subject.type !== 'booking') return { method: 'cash', loading: false };
  // Points come back as points; the money refund follows the last money payment.
  const paid = booking.data?.payments.filter((payment) => payment.kind !== 'refund' && payment.method !== 'points');
  const last = paid?.at(-1)?.method;
  return { method: last && last !== 'points' ? last : 'cash', loading: booking.isPending };
}

function CancelBody({ subject, onClose, onCancelled }: Omit<CancelDialogProps, 'opened'>) {
  const { message } = useErrorText();
  const [done, setDone] = useState<Cancellation | null>(null);
  const quote = useCancellationQuote(subject, done === null);
  const refund = useDefaultRefundMethod(subject);

  const recorded = (cancellation: Cancellation) => {
    setDone(cancellation);
    onCancelled?.(cancellation);
  };

  if (done) return <CancelResult cancellation={done} onChanged={recorded} onClose={onClose} />;
  if (quote.isError)
    return (
      <Alert color="red" data-testid="cancel-quote-error">
        {message(quote.error)}
      </Alert>
    );
  if (!quote.data || refund.loading) {
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  return (
    <CancelForm
      subject={subject}
      quote={quote.data}
      refundMethod={refund.method}
      onCancelled={recorded}
      onClose={onClose}
    />
  );
}
