/**
 * Guests: results as one types, and the two high-risk operations. Both usually come back
 * APPROVAL_REQUIRED; the request dialog then asks for approval, and an export that runs (here,
 * at the desk or later from the request) is downloaded.
 */
import { useState } from 'react';
import { Button, Loader, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileExport, IconSearch } from '@tabler/icons-react';
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

const SEARCH_DELAY_MS = 200;

export function GuestsPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const can = useCan();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [deleting, setDeleting] = useState<GuestSummary | null>(null);
  const [held, setHeld] = useState<HeldOperation | null>(null);

  const guests = useCall('guests.search', { query: debounced, limit: 50 }, { placeholderData: keepPreviousData });

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
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={420}
        data-autofocus
        data-testid="guests-search"
      />
      <QueryState query={guests}>
        {(found) => <GuestsTable guests={found} mayDelete={can('guests.delete')} onDelete={setDeleting} />}
      </QueryState>
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
