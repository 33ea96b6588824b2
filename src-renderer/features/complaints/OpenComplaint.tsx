/**
 * 登记投诉: channel, category (data), severity, what happened and what the guest expects; the
 * opener owns it. Opened from a guest's profile, a booking or a ticket order, the ticket names them.
 */
import { useState } from 'react';
import { Button, Modal, Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  type ComplaintChannel,
  type ComplaintSeverity,
} from '@shared/contract';
import { useCall } from '../../api/use-call';
import { ModalForm } from '../../ui/ModalForm';
import { useFormCall } from '../../ui/use-form-submit';
import { useCategoryName } from './category-name';

/** Whom the complaint is about, when it is opened from their profile or booking. */
export interface ComplaintSubject {
  guestId?: string | null;
  bookingId?: string | null;
  ticketOrderId?: string | null;
}

export function OpenComplaint({
  onOpened,
  subject = {},
  size,
}: {
  onOpened: (id: string) => void;
  subject?: ComplaintSubject;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size={size}
        variant={size ? 'light' : 'filled'}
        leftSection={<IconMessageReport size={16} />}
        onClick={() => setOpened(true)}
        data-testid="complaint-open"
      >
        {t('complaints.open')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('complaints.open')} centered>
        <OpenForm
          subject={subject}
          onClose={() => setOpened(false)}
          onOpened={(id) => {
            setOpened(false);
            onOpened(id);
          }}
        />
      </Modal>
    </>
  );
}

function OpenForm({
  subject,
  onClose,
  onOpened,
}: {
  subject: ComplaintSubject;
  onClose: () => void;
  onOpened: (id: string) => void;
}) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const categories = useCall('complaints.categories', {});
  const form = useForm({
    initialValues: {
      channel: 'in_person' as ComplaintChannel,
      category: 'room',
      severity: 'general' as ComplaintSeverity,
      description: '',
      expectation: '',
    },
  });
  const submit = useFormCall(form, 'complaints.open', {
    input: (values: typeof form.values) => ({
      ...values,
      guestId: subject.guestId ?? null,
      bookingId: subject.bookingId ?? null,
      ticketOrderId: subject.ticketOrderId ?? null,
    }),
    onSuccess: (complaint) => {
      notifications.show({ color: 'teal', message: t('complaints.opened', { number: complaint.number }) });
      onOpened(complaint.id);
    },
    fieldLabels: {
      category: t('complaints.category'),
      description: t('complaints.description'),
      expectation: t('complaints.expectation'),
    },
  });
  return (
    <ModalForm
      onSubmit={submit.onSubmit}
      onCancel={onClose}
      error={submit.error}
      pending={submit.pending}
      errorTestId="complaint-open-error"
      submitTestId="complaint-open-submit"
    >
      <Select
        label={t('complaints.channel')}
        data={COMPLAINT_CHANNELS.map((value) => ({ value, label: t(`complaints.channels.${value}`) }))}
        allowDeselect={false}
        data-testid="complaint-channel"
        {...form.getInputProps('channel')}
      />
      <Select
        label={t('complaints.category')}
        data={(categories.data ?? []).map((category) => ({ value: category.code, label: categoryName(category) }))}
        allowDeselect={false}
        data-testid="complaint-category"
        {...form.getInputProps('category')}
      />
      <Select
        label={t('complaints.severity')}
        data={COMPLAINT_SEVERITIES.map((value) => ({ value, label: t(`complaints.severities.${value}`) }))}
        allowDeselect={false}
        data-testid="complaint-severity"
        {...form.getInputProps('severity')}
      />
      <Textarea
        label={t('complaints.description')}
        autosize
        minRows={3}
        data-autofocus
        data-testid="complaint-description"
        {...form.getInputProps('description')}
      />
      <Textarea
        label={t('complaints.expectation')}
        autosize
        minRows={2}
        data-testid="complaint-expectation"
        {...form.getInputProps('expectation')}
      />
    </ModalForm>
  );
}
