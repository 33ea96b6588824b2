/** "Really delete this guest's profile?" before the call that may then ask for approval. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GuestSummary } from '@shared/contract';

interface DeleteGuestModalProps {
  guest: GuestSummary | null;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function DeleteGuestModal({ guest, pending, onConfirm, onClose }: DeleteGuestModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={guest !== null} onClose={onClose} title={t('guests.deleteTitle')} centered>
      <Stack>
        <Text>{guest && t('guests.deleteConfirm', { name: guest.name, customerNo: guest.customerNo })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm} data-testid="guest-delete-confirm">
            {t('guests.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
