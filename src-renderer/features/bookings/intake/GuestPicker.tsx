/**
 * The booking's guest, picked with the keyboard: type a name or phone, ↑↓ and Enter; or Alt+N
 * for a new (by default temporary, for walk-ins) profile. Once picked, the guest shows as a card
 * with the members' points slot.
 */
import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Combobox, Group, Kbd, Loader, Paper, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PickedGuest } from './intake-form';
import { MemberPointsCheck } from './MemberPointsCheck';
import { NewGuestInline } from './NewGuestInline';
import { useCall } from '../../../api/use-call';

const SEARCH_DELAY_MS = 150;

interface GuestPickerProps {
  guest: PickedGuest | null;
  onPick: (guest: PickedGuest | null) => void;
  /** Walk-ins get a temporary profile unless the agent unticks it. */
  walkIn: boolean;
  /** The stay's arrival, for the members' points check. */
  arrival: string;
  error?: string;
}

export function GuestPicker({ guest, onPick, walkIn, arrival, error }: GuestPickerProps) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  if (guest) {
    return (
      <Paper withBorder p="sm" radius="md" data-testid="intake-guest">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text fw={700}>{guest.name}</Text>
            <Text size="sm" c="dimmed" ff="monospace">
              {guest.customerNo} · {guest.phone ?? t('common.empty')}
            </Text>
          </div>
          <Button variant="subtle" size="compact-sm" onClick={() => onPick(null)} data-testid="intake-guest-change">
            {t('desk.intake.changeGuest')}
          </Button>
        </Group>
        <MemberPointsCheck guestId={guest.id} arrival={arrival} />
      </Paper>
    );
  }
  if (creating)
    return <NewGuestInline temporaryByDefault={walkIn} onCreated={onPick} onCancel={() => setCreating(false)} />;
  return <GuestSearch onPick={onPick} onNew={() => setCreating(true)} error={error} />;
}

function GuestSearch({
  onPick,
  onNew,
  error,
}: {
  onPick: (guest: PickedGuest) => void;
  onNew: () => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const combobox = useCombobox();
  const found = useCall(
    'guests.search',
    { query: debounced, limit: 8 },
    { enabled: debounced.length > 0, placeholderData: keepPreviousData },
  );
  const guests = useMemo(() => (debounced ? (found.data ?? []) : []), [debounced, found.data]);
  const { selectFirstOption } = combobox;
  useEffect(() => {
    if (guests.length) selectFirstOption();
  }, [guests, selectFirstOption]);

  return (
    <Stack gap={4}>
      <Combobox
        store={combobox}
        onOptionSubmit={(id) => {
          const picked = guests.find((g) => g.id === id);
          if (picked) onPick({ id: picked.id, name: picked.name, customerNo: picked.customerNo, phone: picked.phone });
        }}
      >
        <Combobox.Target>
          <TextInput
            label={t('desk.intake.guest')}
            placeholder={t('desk.intake.guestSearch')}
            description={t('desk.intake.guestHint')}
            leftSection={<IconSearch size={16} />}
            rightSection={found.isFetching ? <Loader size="xs" /> : null}
            value={query}
            error={error}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              combobox.openDropdown();
            }}
            onBlur={() => combobox.closeDropdown()}
            onKeyDown={(event) => {
              if (event.altKey && event.key.toLowerCase() === 'n') {
                event.preventDefault();
                onNew();
              }
            }}
            // The modal may open before the form (still loading the business date), so focus on mount.
            autoFocus
            data-autofocus
            data-testid="intake-guest-search"
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={guests.length === 0}>
          <Combobox.Options>
            {guests.map((g) => (
              <Combobox.Option key={g.id} value={g.id} data-testid={`intake-guest-option-${g.customerNo}`}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {g.name}
                  </Text>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" c="dimmed" ff="monospace">
                      {g.customerNo} · {g.phone ?? t('common.empty')}
                    </Text>
                    <Badge size="xs" variant="light" color="gray">
                      {t(`guests.segments.${g.segment}`)}
                    </Badge>
                  </Group>
                </Group>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconUserPlus size={14} />}
          rightSection={<Kbd size="xs">Alt+N</Kbd>}
          onClick={onNew}
          data-testid="intake-new-guest"
        >
          {t('desk.intake.newGuest')}
        </Button>
      </Group>
    </Stack>
  );
}
