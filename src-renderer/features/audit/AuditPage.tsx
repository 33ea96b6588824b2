/** The audit log: filters, entries page by page (older on demand) and the chain check. */
import { useState } from 'react';
import { Button, Center, Stack } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { call } from '../../api/client';
import { callKey } from '../../api/query-client';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { AuditFilters, EMPTY_FILTERS, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useLabelledOperations } from './operation-labels';
import { VerifyChain } from './VerifyChain';

const PAGE_SIZE = 50;

/** Filter values as the contract takes them: blanks left out, the typed operation also matched against its labels. */
function toInput(
  { operation, actor, outcome, from, to }: AuditFilterValues,
  labelled: (text: string) => string[],
): InputOf<'audit.list'> {
  const named = operation.trim() ? labelled(operation.trim()) : [];
  return {
    ...(operation.trim() && { operation: operation.trim() }),
    ...(named.length > 0 && { operations: named }),
    ...(actor.trim() && { actor: actor.trim() }),
    ...(outcome && { outcome }),
    ...(from && { from }),
    ...(to && { to }),
    limit: PAGE_SIZE,
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(EMPTY_FILTERS);
  const labelled = useLabelledOperations();
  const input = toInput(filters, labelled);
  const pages = useInfiniteQuery({
    queryKey: callKey('audit.list', input),
    queryFn: ({ pageParam }) => call('audit.list', { ...input, ...(pageParam !== null && { beforeSeq: pageParam }) }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBeforeSeq,
  });

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')}>
        <VerifyChain />
      </PageHeader>
      <AuditFilters onApply={setFilters} />
      <QueryState query={pages}>
        {(loaded) => <AuditTable entries={loaded.pages.flatMap((page) => page.entries)} />}
      </QueryState>
      {pages.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
            data-testid="audit-load-more"
          >
            {t('audit.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
