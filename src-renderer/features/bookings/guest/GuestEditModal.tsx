/** Editing a guest's profile (guests.update); the ID field starts empty and, left so, keeps the number on file. */
import { Modal, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ID_TYPES, SEGMENTS, type GuestProfile, type IdType, type Segment } from '@shared/contract';
import { ModalForm } from '../../../ui/ModalForm';
import { useFormCall } from '../../../ui/use-form-submit';

interface ProfileValues {
  name: string;
  phone: string;
  email: string;
  idType: IdType | null;
  idNumber: string;
  segment: Segment;
  preferences: string;
  specialNeeds: string;
}

const orNull = (value: string) => value.trim() || null;

export function GuestEditModal({ guest, onClose }: { guest: GuestProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<ProfileValues>({
    initialValues: {
      name: guest.name,
      phone: guest.phone ?? '',
      email: guest.email ?? '',
      idType: guest.idType,
      idNumber: '',
      segment: guest.segment,
      preferences: guest.preferences,
      specialNeeds: guest.specialNeeds,
    },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
    },
  });
  const submit = useFormCall(form, 'guests.update', {
    // An empty ID field keeps the number on file; the service never hands it to the form.
    input: (v: ProfileValues) => ({
      id: guest.id,
      name: v.name,
      phone: orNull(v.phone),
      email: orNull(v.email),
      idType: v.idType,
      idNumber: orNull(v.idNumber) ?? undefined,
      segment: v.segment,
      preferences: v.preferences,
      specialNeeds: v.specialNeeds,
    }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('desk.profile.saved') });
      onClose();
    },
    fieldLabels: {
      name: t('desk.profile.name'),
      phone: t('desk.profile.phone'),
      email: t('desk.profile.email'),
      idNumber: t('desk.profile.idNumber'),
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('desk.profile.editTitle', { name: guest.name })}
      size="lg"
      data-testid="guest-edit-modal"
    >
      <ModalForm
        onSubmit={submit.onSubmit}
        onCancel={onClose}
        error={submit.error}
        pending={submit.pending}
        errorTestId="guest-edit-error"
        submitTestId="guest-edit-submit"
      >
        <SimpleGrid cols={2}>
          <TextInput
            label={t('desk.profile.name')}
            withAsterisk
            data-autofocus
            data-testid="guest-edit-name"
            {...form.getInputProps('name')}
          />
          <TextInput label={t('desk.profile.phone')} {...form.getInputProps('phone')} />
          <TextInput label={t('desk.profile.email')} {...form.getInputProps('email')} />
          <Select
            label={t('desk.profile.segment')}
            data={SEGMENTS.map((s) => ({ value: s, label: t(`guests.segments.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('segment')}
          />
          <Select
            label={t('desk.profile.idType')}
            data={ID_TYPES.map((id) => ({ value: id, label: t(`desk.profile.idTypes.${id}`) }))}
            clearable
            {...form.getInputProps('idType')}
          />
          <TextInput
            label={t('desk.profile.idNumber')}
            placeholder={guest.idNumber ?? ''}
            {...form.getInputProps('idNumber')}
          />
        </SimpleGrid>
        <Textarea label={t('desk.profile.preferences')} autosize minRows={1} {...form.getInputProps('preferences')} />
        <Textarea label={t('desk.profile.specialNeeds')} autosize minRows={1} {...form.getInputProps('specialNeeds')} />
      </ModalForm>
    </Modal>
  );
}
