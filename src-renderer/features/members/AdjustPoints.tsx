/**
 * 积分调整: a signed correction with a note. The default policy holds it for approval with dual
 * review, so a hold closes the form and opens the approval dialog with the same input.
 */
import { useState } from 'react';
import { Button, Modal, NumberInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlusMinus } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { operations, type Member } from '@shared/contract';
import { useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { ModalForm } from '../../ui/ModalForm';
import { ApprovalRequestDialog } from '../approvals/ApprovalRequestDialog';
import { heldFrom, type HeldOperation } from '../approvals/held';
import { usePoints } from './use-points';

const fields = operations['members.adjust'].input.shape;
const schema = z.object({ points: fields.points, note: fields.note });

export function AdjustPoints({ member }: { member: Member }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [held, setHeld] = useState<HeldOperation | null>(null);
  const done = () => {
    notifications.show({ color: 'teal', message: t('members.adjust.done') });
  };
  return (
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlusMinus size={14} />}
        onClick={() => setOpened(true)}
        data-testid="member-adjust"
      >
        {t('members.adjust.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('members.adjust.title')}
        centered
        data-testid="member-adjust-modal"
      >
        <AdjustForm
          member={member}
          onClose={() => setOpened(false)}
          onDone={done}
          onHeld={(next) => {
            setOpened(false);
            setHeld(next);
          }}
        />
      </Modal>
      <ApprovalRequestDialog held={held} onClose={() => setHeld(null)} onExecuted={done} />
    </>
  );
}

interface AdjustFormProps {
  member: Member;
  onClose: () => void;
  onDone: () => void;
  onHeld: (held: HeldOperation) => void;
}

function AdjustForm({ member, onClose, onDone, onHeld }: AdjustFormProps) {
  const { t } = useTranslation();
  const { forForm } = useErrorText();
  const points = usePoints();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { points: 0, note: '' }, validate: zod4Resolver(schema) });
  const adjust = useMutate('members.adjust', {
    onSuccess: () => {
      onDone();
      onClose();
    },
    onError: (thrown, input) => {
      const next = heldFrom(
        thrown,
        'members.adjust',
        input,
        t('members.adjust.subject', { name: member.guest.name, points: points(input.points, true) }),
      );
      if (next) onHeld(next);
      else setError(forForm(form, thrown, { points: t('members.adjust.points'), note: t('members.adjust.note') }));
    },
  });
  return (
    <ModalForm
      onSubmit={form.onSubmit((values) => {
        setError(null);
        adjust.mutate({ memberId: member.id, ...values });
      })}
      onCancel={onClose}
      error={error}
      pending={adjust.isPending}
      errorTestId="member-adjust-error"
      submitTestId="member-adjust-submit"
    >
      <NumberInput
        label={t('members.adjust.points')}
        description={t('members.adjust.pointsHint')}
        allowDecimal={false}
        thousandSeparator=","
        data-autofocus
        data-testid="member-adjust-points"
        {...form.getInputProps('points')}
      />
      <TextInput label={t('members.adjust.note')} data-testid="member-adjust-note" {...form.getInputProps('note')} />
    </ModalForm>
  );
}
