/** 入会: the guest becomes a member; the card number and birthday may be left out. */
import { useState } from 'react';
import { Button, Modal, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconId } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../ui/ModalForm';
import { useFormCall } from '../../ui/use-form-submit';
import { callKey } from '../../api/query-client';
import { DateField } from '../../ui/DateField';

export function EnrolMember({ guestId }: { guestId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" leftSection={<IconId size={14} />} onClick={() => setOpened(true)} data-testid="member-enroll">
        {t('members.enrol.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('members.enrol.title')}
        centered
        data-testid="member-enroll-modal"
      >
        <EnrollForm guestId={guestId} onClose={() => setOpened(false)} />
      </Modal>
    </>
  );
}

function EnrollForm({ guestId, onClose }: { guestId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ initialValues: { cardNo: '', birthday: '' } });
  const submit = useFormCall(form, 'members.enrol', {
    input: ({ cardNo, birthday }: typeof form.values) => ({
      guestId,
      cardNo: cardNo.trim() || null,
      birthday: birthday || null,
    }),
    onSuccess: (member) => {
      client.setQueryData(callKey('members.forGuest', { guestId }), member);
      notifications.show({ color: 'teal', message: t('members.enrol.done', { memberNo: member.memberNo }) });
      onClose();
    },
    fieldLabels: { cardNo: t('members.enrol.cardNo'), birthday: t('members.enrol.birthday') },
  });
  return (
    <ModalForm
      onSubmit={submit.onSubmit}
      onCancel={onClose}
      error={submit.error}
      pending={submit.pending}
      errorTestId="member-enroll-error"
      submitTestId="member-enroll-submit"
    >
      <TextInput
        label={t('members.enrol.cardNo')}
        description={t('members.enrol.cardNoHint')}
        data-autofocus
        data-testid="member-enroll-card-no"
        {...form.getInputProps('cardNo')}
      />
      <DateField
        clearable
        label={t('members.enrol.birthday')}
        description={t('members.enrol.birthdayHint')}
        data-testid="member-enroll-birthday"
        {...form.getInputProps('birthday')}
      />
    </ModalForm>
  );
}
