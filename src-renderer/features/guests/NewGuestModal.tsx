/**
 * 新建客人 from the guest list: the profile's main fields, then the new profile opens. A phone or
 * ID number already on file comes back DUPLICATE_GUEST: the existing profiles are listed to open,
 * or the new one is created anyway.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ID_TYPES, SEGMENTS, type GuestSummary, type IdType, type Segment } from '@shared/contract';
import { call } from '../../api/client';
import { toAppError, useErrorText } from '../../i18n/errors';
import { openGuest } from '../bookings/overlays';

interface NewGuestValues {
  name: string;
  phone: string;
  idType: IdType | null;
  idNumber: string;
  segment: Segment;
}

const orNull = (value: string) => value.trim() || null;

export function NewGuestModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const [duplicates, setDuplicates] = useState<GuestSummary[]>([]);
  const form = useForm<NewGuestValues>({
    initialValues: { name: '', phone: '', idType: null, idNumber: '', segment: 'leisure' },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      idNumber: (v, values) => (v.trim() && !values.idType ? t('validation.required') : null),
    },
  });
  const close = () => {
    form.reset();
    setDuplicates([]);
    create.reset();
    onClose();
  };
  const create = useMutation({
    mutationFn: async ({ values, allowDuplicate }: { values: NewGuestValues; allowDuplicate: boolean }) => {
      const input = {
        name: values.name,
        phone: orNull(values.phone),
        idType: orNull(values.idNumber) ? values.idType : null,
        idNumber: orNull(values.idNumber),
        segment: values.segment,
        allowDuplicate,
      };
      try {
        return await call('guests.create', input);
      } catch (thrown) {
        if (toAppError(thrown).code === 'DUPLICATE_GUEST')
          setDuplicates(await call('guests.duplicates', { phone: input.phone, idNumber: input.idNumber }));
        throw thrown;
      }
    },
    onSuccess: (guest) => {
      notifications.show({ color: 'teal', message: t('guests.created', { name: guest.name }) });
      close();
      openGuest(guest.id);
    },
  });
  const duplicate = create.isError && toAppError(create.error).code === 'DUPLICATE_GUEST';
  const submit = form.onSubmit((values) => create.mutate({ values, allowDuplicate: false }));

  return (
    <Modal opened={opened} onClose={close} title={t('guests.createTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="guest-new-form">
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('desk.profile.name')}
              required
              data-autofocus
              data-testid="guest-new-name"
              {...form.getInputProps('name')}
            />
            <TextInput label={t('desk.profile.phone')} data-testid="guest-new-phone" {...form.getInputProps('phone')} />
            <Select
              label={t('desk.profile.idType')}
              data={ID_TYPES.map((type) => ({ value: type, label: t(`desk.profile.idTypes.${type}`) }))}
              clearable
              {...form.getInputProps('idType')}
            />
            <TextInput label={t('desk.profile.idNumber')} {...form.getInputProps('idNumber')} />
            <Select
              label={t('desk.profile.segment')}
              data={SEGMENTS.map((segment) => ({ value: segment, label: t(`guests.segments.${segment}`) }))}
              allowDeselect={false}
              {...form.getInputProps('segment')}
            />
          </SimpleGrid>
          {duplicate && (
            <Alert color="yellow" data-testid="guest-new-duplicates">
              <Stack gap="xs">
                <Text size="sm">{t('guests.duplicates')}</Text>
                {duplicates.map((guest) => (
                  <Group key={guest.id} justify="space-between">
                    <Text size="sm">
                      {guest.name} · {guest.customerNo} · {guest.phone ?? t('common.empty')}
                    </Text>
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => {
                        close();
                        openGuest(guest.id);
                      }}
                    >
                      {t('guests.openExisting')}
                    </Button>
                  </Group>
                ))}
                <Group justify="flex-end">
                  <Button
                    size="compact-sm"
                    variant="default"
                    loading={create.isPending}
                    onClick={() => create.mutate({ values: form.getValues(), allowDuplicate: true })}
                    data-testid="guest-new-anyway"
                  >
                    {t('guests.createAnyway')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {create.isError && !duplicate && <Alert color="red">{message(create.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="guest-new-submit">
              {t('guests.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
