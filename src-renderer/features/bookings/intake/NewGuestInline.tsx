/**
 * A new guest in three fields, inside the booking form (so no form of its own: Enter in a field
 * creates the profile). A phone already on file comes back DUPLICATE_GUEST: the agent then picks
 * the existing profile or creates the new one anyway.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GuestSummary } from '@shared/contract';
import { call } from '../../../api/client';
import { toAppError, useErrorText } from '../../../i18n/errors';
import { FormError } from '../../../ui/FormError';
import type { PickedGuest } from './intake-form';

interface NewGuestInlineProps {
  temporaryByDefault: boolean;
  onCreated: (guest: PickedGuest) => void;
  onCancel: () => void;
}

export function NewGuestInline({ temporaryByDefault, onCreated, onCancel }: NewGuestInlineProps) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [temporary, setTemporary] = useState(temporaryByDefault);
  const [nameError, setNameError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<GuestSummary[]>([]);

  const create = useMutation({
    mutationFn: async (allowDuplicate: boolean) => {
      try {
        return await call('guests.create', { name, phone: phone.trim() || null, temporary, allowDuplicate });
      } catch (thrown) {
        if (toAppError(thrown).code === 'DUPLICATE_GUEST')
          setDuplicates(await call('guests.duplicates', { phone: phone.trim() || null }));
        throw thrown;
      }
    },
    onSuccess: (guest) =>
      onCreated({ id: guest.id, name: guest.name, customerNo: guest.customerNo, phone: guest.phone }),
  });

  const submit = (allowDuplicate: boolean) => {
    if (!name.trim()) return setNameError(t('validation.required'));
    setNameError(null);
    create.mutate(allowDuplicate);
  };
  const duplicate = create.isError && toAppError(create.error).code === 'DUPLICATE_GUEST';

  return (
    <Paper withBorder p="sm" radius="md" data-testid="intake-new-guest-form">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('desk.intake.newGuest')}
        </Text>
        <Group
          grow
          align="flex-start"
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
              event.preventDefault();
              submit(false);
            } else if (event.key === 'Escape') {
              event.stopPropagation();
              onCancel();
            }
          }}
        >
          <TextInput
            label={t('desk.intake.newGuestName')}
            value={name}
            error={nameError}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
            autoFocus
            data-testid="intake-new-guest-name"
          />
          <TextInput
            label={t('desk.intake.newGuestPhone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            data-testid="intake-new-guest-phone"
          />
        </Group>
        <Group justify="space-between">
          <Checkbox
            label={t('desk.intake.temporary')}
            checked={temporary}
            onChange={(e) => setTemporary(e.currentTarget.checked)}
            data-testid="intake-new-guest-temporary"
          />
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              loading={create.isPending}
              onClick={() => submit(false)}
              data-testid="intake-new-guest-create"
            >
              {t('desk.intake.createGuest')}
            </Button>
          </Group>
        </Group>
        {duplicate ? (
          <Alert color="orange" title={t('desk.intake.duplicateTitle')} data-testid="intake-duplicates">
            <Stack gap={6}>
              {duplicates.map((g) => (
                <Group key={g.id} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {g.name} · {g.customerNo} · {g.phone ?? t('common.empty')}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => onCreated({ id: g.id, name: g.name, customerNo: g.customerNo, phone: g.phone })}
                  >
                    {t('desk.intake.useThisGuest')}
                  </Button>
                </Group>
              ))}
              <Group justify="flex-end">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => submit(true)}
                  data-testid="intake-create-anyway"
                >
                  {t('desk.intake.createAnyway')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <FormError message={create.isError ? message(create.error) : null} />
        )}
      </Stack>
    </Paper>
  );
}
