/**
 * The header's one search box: guests and bookings as one types (after a short pause), in a
 * dropdown worked with the arrow keys and Enter. `/` or Ctrl+K focuses it from anywhere and selects
 * what it holds, so the next search replaces the last; Escape clears it. A pick opens the guest's
 * profile or the booking's drawer; a common name with more guests than shown offers 显示更多.
 */
import { useEffect, useRef, useState } from 'react';
import { Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BookingStatusBadge } from './BookingStatusBadge';
import { openBooking, openGuest } from './overlays';
import { useStayFormat } from './stay-format';
import { useCall } from '../../api/use-call';

const SEARCH_DELAY_MS = 150;
/** Guests shown at first, and the steps 显示更多 takes (search.quick answers at most 50). */
const GUEST_STEPS = [8, 24, 49] as const;
const MORE = 'more';

export function QuickSearch() {
  const { t } = useTranslation();
  const stay = useStayFormat();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [step, setStep] = useState(0);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const focusAndSelect = () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  };
  useHotkeys([['/', focusAndSelect]]);
  // Ctrl+K works while typing elsewhere too, so it is not ignored inside inputs.
  useHotkeys([['mod+K', focusAndSelect]], []);

  // One more than shown, to know whether there are more.
  const shown = GUEST_STEPS[step]!;
  const results = useCall(
    'search.quick',
    { q: debounced, limit: shown + 1 },
    { enabled: debounced.length > 0, placeholderData: keepPreviousData },
  );
  const data = debounced ? results.data : undefined;
  const guests = data?.guests.slice(0, shown) ?? [];
  const moreGuests = (data?.guests.length ?? 0) > shown;
  const clear = () => {
    setQuery('');
    setStep(0);
    combobox.closeDropdown();
  };

  // New results: the first one is ready for Enter.
  const { selectFirstOption } = combobox;
  useEffect(() => {
    if (data) selectFirstOption();
  }, [data, selectFirstOption]);

  const pick = (value: string) => {
    if (value === MORE) {
      setStep((current) => Math.min(current + 1, GUEST_STEPS.length - 1));
      return;
    }
    const [kind, id] = value.split(':') as ['g' | 'b', string];
    if (kind === 'g') openGuest(id);
    else openBooking(id);
    clear();
    inputRef.current?.blur();
  };

  const empty = data && data.guests.length === 0 && data.bookings.length === 0;

  return (
    <Combobox store={combobox} onOptionSubmit={pick} width={460} position="bottom-start" withinPortal>
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          w={{ base: 200, lg: 320 }}
          placeholder={t('desk.search.placeholder')}
          aria-label={t('desk.search.placeholder')}
          title={t('desk.search.idHint')}
          leftSection={<IconSearch size={16} />}
          rightSection={results.isFetching ? <Loader size="xs" /> : <Kbd size="xs">/</Kbd>}
          rightSectionPointerEvents="none"
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setStep(0);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            clear();
            inputRef.current?.blur();
          }}
          data-testid="quick-search"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!data} data-testid="quick-search-results">
        <Combobox.Options mah={420} style={{ overflowY: 'auto' }}>
          {empty && <Combobox.Empty>{t('desk.search.nothing')}</Combobox.Empty>}
          {guests.length > 0 && (
            <Combobox.Group label={t('desk.search.guests')}>
              {guests.map((guest) => (
                <Combobox.Option
                  key={guest.id}
                  value={`g:${guest.id}`}
                  data-testid={`search-guest-${guest.customerNo}`}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {guest.name}
                    </Text>
                    <Text size="xs" opacity={0.75} ff="monospace">
                      {guest.customerNo} · {guest.phone ?? t('common.empty')}
                    </Text>
                  </Group>
                </Combobox.Option>
              ))}
              {moreGuests && (
                <Combobox.Option value={MORE} data-testid="quick-search-more">
                  <Text size="sm" c="blue">
                    {t('desk.search.more', { count: shown })}
                  </Text>
                </Combobox.Option>
              )}
            </Combobox.Group>
          )}
          {data && data.bookings.length > 0 && (
            <Combobox.Group label={t('desk.search.bookings')}>
              {data.bookings.map((booking) => (
                <Combobox.Option
                  key={booking.id}
                  value={`b:${booking.id}`}
                  data-testid={`search-booking-${booking.number}`}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" ff="monospace" fw={600}>
                      {booking.number}
                    </Text>
                    <Text size="sm" truncate>
                      {booking.guestName}
                    </Text>
                    <Text size="xs" opacity={0.75} style={{ whiteSpace: 'nowrap' }}>
                      {stay.range(booking.arrival, booking.departure)}
                    </Text>
                    <BookingStatusBadge status={booking.status} />
                  </Group>
                </Combobox.Option>
              ))}
            </Combobox.Group>
          )}
        </Combobox.Options>
        <Combobox.Footer>
          <Text size="xs" c="dimmed" data-testid="quick-search-id-hint">
            {t('desk.search.idHint')}
          </Text>
        </Combobox.Footer>
      </Combobox.Dropdown>
    </Combobox>
  );
}
