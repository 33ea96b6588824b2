/**
 * Asking for approval at the point of the operation: the person at the desk says why, then
 * either a supervisor types their own username and password here (the desk stays signed in as
 * the requester) or the request goes to the queue. The request is created once and reused when
 * an approval attempt fails (a mistyped password), so the queue never holds duplicates.
 * The approver's password lives only in this form, which unmounts when the dialog closes.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { operations, type ApprovalRequest } from '@shared/contract';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { FormError } from '../../ui/FormError';
import { useFormSubmit } from '../../ui/use-form-submit';
import { ApprovalSummaryTable } from './ApprovalSummary';
import { useAwaitingText } from './awaiting-text';
import type { HeldOperation } from './held';
import { OutcomeAlert } from './OutcomeAlert';
import { useRequestLabels } from './request-labels';

type Mode = 'desk' | 'queue';

const requestFields = operations['approvals.request'].input.shape;
const deskFields = operations['approvals.approveAtDesk'].input.shape;
const queueSchema = z.object({ reason: requestFields.reason });
const deskSchema = queueSchema.extend({
  username: deskFields.username,
  password: deskFields.password,
  comment: deskFields.comment,
});

interface DialogProps {
  /** The operation to ask approval for; null while the dialog is closed. */
  held: HeldOperation | null;
  onClose: () => void;
  /** Runs when the operation has taken effect (approved here), with the request and its result. */
  onExecuted?: (request: ApprovalRequest) => void;
  /** Runs when the request went to the queue (the form that held it may close). */
  onQueued?: (request: ApprovalRequest) => void;
}

export function ApprovalRequestDialog({ held, onClose, onExecuted, onQueued }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={held !== null}
      onClose={onClose}
      title={t('approvals.dialog.title')}
      size="lg"
      centered
      data-testid="approval-dialog"
    >
      {held && <RequestForm held={held} onClose={onClose} onExecuted={onExecuted} onQueued={onQueued} />}
    </Modal>
  );
}

/** What the approver will see, read before the request is made (nothing shown if it cannot be read). */
function HeldSummary({ held }: { held: HeldOperation }) {
  const preview = useCall('approvals.preview', { operation: held.operation, input: held.input });
  if (!preview.data) return null;
  return <ApprovalSummaryTable summary={preview.data} fallback={held.subject} />;
}

function RequestForm({ held, onClose, onExecuted, onQueued }: DialogProps & { held: HeldOperation }) {
  const { t } = useTranslation();
  const awaitingText = useAwaitingText();
  const labels = useRequestLabels();
  const [request, setRequest] = useState<ApprovalRequest | null>(null);
  const form = useForm({
    initialValues: { mode: 'desk' as Mode, reason: '', username: '', password: '', emergency: false, comment: '' },
    validate: (values) => zod4Resolver(values.mode === 'desk' ? deskSchema : queueSchema)(values),
  });

  const submit = useFormSubmit(form, {
    mutationFn: async ({ mode, reason, username, password, emergency, comment }: typeof form.values) => {
      const pending =
        request ?? (await call('approvals.request', { operation: held.operation, input: held.input, reason }));
      setRequest(pending);
      if (mode === 'queue') return pending;
      return call('approvals.approveAtDesk', { requestId: pending.id, username, password, emergency, comment });
    },
    onSuccess: (result) => {
      if (result.status === 'executed') {
        notifications.show({ color: 'teal', message: t('approvals.dialog.executed') });
        onExecuted?.(result);
        onClose();
      } else if (result.status === 'pending' && form.values.mode === 'queue') {
        notifications.show({ color: 'teal', message: t('approvals.dialog.submitted') });
        onQueued?.(result);
        onClose();
      } else {
        // Partly approved (one of two people) or failed: say so here; the next approver uses the same form.
        setRequest(result);
        form.setValues({ username: '', password: '', emergency: false, comment: '' });
      }
    },
    onError: () => form.setFieldValue('password', ''),
  });

  const desk = form.values.mode === 'desk';
  const awaiting = awaitingText(request?.awaiting ?? held.awaiting);
  const open = request === null || request.status === 'pending';

  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack gap="sm">
        <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)">
          <Text size="xs" c="dimmed">
            {t('approvals.dialog.held')}
          </Text>
          <Text fw={600} data-testid="approval-held-operation">
            {labels.operation(held.operation)} · {held.subject}
          </Text>
          <HeldSummary held={held} />
          <List size="sm" mt={4} data-testid="approval-awaiting">
            {awaiting.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Paper>
        <Textarea
          label={t('approvals.dialog.reason')}
          placeholder={t('approvals.dialog.reasonHint')}
          description={request && t('approvals.dialog.created')}
          autosize
          minRows={2}
          disabled={request !== null}
          data-autofocus
          data-testid="approval-reason"
          {...form.getInputProps('reason')}
        />
        {request && (request.decisions.length > 0 || request.status !== 'pending') && (
          <OutcomeAlert request={request} />
        )}
        {open && (
          <SegmentedControl
            fullWidth
            data={[
              { value: 'desk', label: <span data-testid="approval-mode-desk">{t('approvals.dialog.atDesk')}</span> },
              { value: 'queue', label: <span data-testid="approval-mode-queue">{t('approvals.dialog.toQueue')}</span> },
            ]}
            {...form.getInputProps('mode')}
          />
        )}
        {open && desk && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('approvals.dialog.atDeskHint')}
            </Text>
            <Group grow align="flex-start">
              <TextInput
                label={t('approvals.dialog.username')}
                autoComplete="off"
                data-testid="approval-username"
                {...form.getInputProps('username')}
              />
              <PasswordInput
                label={t('approvals.dialog.password')}
                autoComplete="off"
                data-testid="approval-password"
                {...form.getInputProps('password')}
              />
            </Group>
            <Checkbox
              label={t('approvals.emergency')}
              description={t('approvals.emergencyHint')}
              data-testid="approval-emergency"
              {...form.getInputProps('emergency', { type: 'checkbox' })}
            />
            <TextInput
              label={t('approvals.comment')}
              data-testid="approval-comment"
              {...form.getInputProps('comment')}
            />
          </Stack>
        )}
        {open && !desk && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
            {t('approvals.dialog.toQueueHint')}
          </Alert>
        )}
        <FormError message={submit.error} testId="approval-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="approval-close">
            {open ? t('common.cancel') : t('common.close')}
          </Button>
          {open && (
            <Button type="submit" loading={submit.pending} data-testid="approval-submit">
              {desk ? t('approvals.dialog.approveNow') : t('approvals.dialog.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
