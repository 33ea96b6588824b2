/**
 * Guests: results as one types, a page of 50 at a time, a new profile, and the two high-risk
 * operations. Both usually come back
 * APPROVAL_REQUIRED; the request dialog then asks for approval, and an export that runs (here,
 * at the desk or later from the request) is downloaded.
 */
import { useState } from 'react';
import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconFileExport, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GuestSummary } from '@shared/contract';
import { call } from '../../api/client';
import { useCall, useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { ApprovalRequestDialog } from '../approvals/ApprovalRequestDialog';
import { heldFrom, type HeldOperation } from '../approvals/held';
import { downloadableResult, saveGuestExport } from '../approvals/held-results';
import { useCan } from '../../api/session';
import { DeleteGuestModal } from './DeleteGuestModal';
import { GuestsTable } from './GuestsTable';
import { NewGuestModal } from './NewGuestModal';

const SEARCH_DELAY_MS = 200;
const PAGE_SIZE = 50;

export function GuestsPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const can = useCan();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [deleting, setDeleting] = useState<GuestSummary | null>(null);
  const [held, setHeld] = useState<HeldOperation | null>(null);
  const [creating, setCreating] = useState(false);
  // Typing starts again at the first page.
  const [page, setPage] = useState(0);

  // One row past the page says whether there is a next one.
  const guests = useCall(
    'guests.search',
    { query: debounced, limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE },
    { placeholderData: keepPreviousData },
  );

  /** A refusal that asks for approval opens the dialog; any other error is shown as it is. */
  const holdOrShow = (thrown: unknown, next: HeldOperation | null) =>
    next ? setHeld(next) : notifications.show({ color: 'red', message: message(thrown) });

  const exportAll = useMutate('guests.export', {
    onSuccess: (result) => {
      saveGuestExport(result);
      notifications.show({ color: 'teal', message: t('guests.exported', { rows: result.rows }) });
    },
    onError: (thrown) =>
      holdOrShow(
        thrown,
        heldFrom(
          thrown,
          'guests.export',
          { query: debounced },
          debounced ? t('guests.exportMatching', { query: debounced }) : t('guests.exportAll'),
        ),
      ),
  });

  // The guest, not only its id: the messages name it.
  const remove = useMutation({
    mutationFn: (guest: GuestSummary) => call('guests.delete', { id: guest.id }),
    onSuccess: (_result, guest) => {
      notifications.show({ color: 'teal', message: t('guests.deleted', { name: guest.name }) });
    },
    onError: (thrown, guest) =>
      holdOrShow(thrown, heldFrom(thrown, 'guests.delete', { id: guest.id }, `${guest.name} (${guest.customerNo})`)),
    onSettled: () => setDeleting(null),
  });

  return (
    <Stack gap="md">
      <PageHeader title={t('guests.title')}>
        {can('guests.manage') && (
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)} data-testid="guests-new">
            {t('guests.create')}
          </Button>
        )}
        {can('guests.export') && (
          <Button
            variant="default"
            leftSection={<IconFileExport size={16} />}
            loading={exportAll.isPending}
            onClick={() => exportAll.mutate({ query: debounced })}
            data-testid="guests-export"
          >
            {t('guests.export')}
          </Button>
        )}
      </PageHeader>
      <TextInput
        placeholder={t('guests.searchPlaceholder')}
        aria-label={t('guests.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={guests.isFetching ? <Loader size="xs" /> : null}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setPage(0);
        }}
        maw={420}
        data-autofocus
        data-testid="guests-search"
      />
      <QueryState query={guests}>
        {(found) => (
          <Stack gap="xs">
            <GuestsTable guests={found.slice(0, PAGE_SIZE)} mayDelete={can('guests.delete')} onDelete={setDeleting} />
            {(page > 0 || found.length > PAGE_SIZE) && (
              <Group justify="flex-end" gap="xs" data-testid="guests-pager">
                <Text size="sm" c="dimmed" data-testid="guests-range">
                  {t('guests.range', {
                    from: page * PAGE_SIZE + 1,
                    to: page * PAGE_SIZE + Math.min(found.length, PAGE_SIZE),
                  })}
                </Text>
                <Button
                  variant="default"
                  size="compact-sm"
                  leftSection={<IconChevronLeft size={14} />}
                  disabled={page === 0}
                  onClick={() => setPage(page - 1)}
                  data-testid="guests-previous"
                >
                  {t('guests.previous')}
                </Button>
                <Button
                  variant="default"
                  size="compact-sm"
                  rightSection={<IconChevronRight size={14} />}
                  disabled={found.length <= PAGE_SIZE}
                  onClick={() => setPage(page + 1)}
                  data-testid="guests-next"
                >
                  {t('guests.next')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryState>
      <NewGuestModal opened={creating} onClose={() => setCreating(false)} />
      <DeleteGuestModal
        guest={deleting}
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
      <ApprovalRequestDialog
        held={held}
        onClose={() => setHeld(null)}
        onExecuted={(request) => {
          const file = downloadableResult(request);
          if (file) saveGuestExport(file);
        }}
      />
    </Stack>
  );
}
