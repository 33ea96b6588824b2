/** 合同档案: contracts found by name, counterparty, project, number or tag and by status (已到期 included), and 新建合同 for those who manage them. */
import { useState } from 'react';
import { Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CONTRACT_STATUSES } from '@shared/contract/archive';
import { useCan } from '../../api/session';
import { useCall } from '../../api/use-call';
import { DataTable } from '../../ui/DataTable';
import { useMoney } from '../../ui/money';
import { QueryState } from '../../ui/QueryState';
import { ContractStateBadge } from './contract-state';
import { NewContract } from './NewContract';

const FILTERS = ['all', ...CONTRACT_STATUSES, 'expired'] as const;
type Filter = (typeof FILTERS)[number];

export function ContractsTab({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const money = useMoney();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Filter>('all');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const list = useCall('archive.listContracts', { query: debounced, status });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            w={320}
            leftSection={<IconSearch size={16} />}
            placeholder={t('archive.contracts.search')}
            aria-label={t('archive.contracts.search')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            data-testid="archive-contracts-search"
          />
          <Select
            w={150}
            aria-label={t('archive.contracts.fields.status')}
            allowDeselect={false}
            value={status}
            onChange={(value) => setStatus((value ?? 'all') as Filter)}
            data={FILTERS.map((value) => ({
              value,
              label: value === 'all' ? t('archive.contracts.anyStatus') : t(`archive.contracts.statuses.${value}`),
            }))}
            data-testid="archive-contracts-status"
          />
        </Group>
        {can('archive.contracts.manage') && <NewContract onAdded={onOpen} />}
      </Group>
      <QueryState query={list}>
        {(contracts) => (
          <DataTable
            minWidth={1060}
            data-testid="archive-contracts"
            columns={[
              t('archive.contracts.fields.name'),
              t('archive.contracts.fields.counterparty'),
              t('archive.contracts.fields.project'),
              <Table.Th key="amount" ta="right">
                {t('archive.contracts.fields.amount')}
              </Table.Th>,
              t('archive.contracts.fields.signedOn'),
              t('archive.contracts.fields.term'),
              t('archive.contracts.fields.status'),
              t('archive.contracts.fields.tags'),
              t('archive.contracts.fields.versions'),
            ]}
            emptyText={debounced || status !== 'all' ? t('archive.contracts.noMatch') : t('archive.contracts.empty')}
            rows={contracts.flatMap((document) => {
              const contract = document.contract;
              if (!contract) return [];
              return [
                <Table.Tr
                  key={document.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => onOpen(document.id)}
                  data-testid={`archive-contract-row-${contract.contractNo}`}
                >
                  <Table.Td maw={240} style={{ wordBreak: 'break-all' }}>
                    <Text size="sm" fw={500}>
                      {document.name}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {t('archive.contracts.numbered', { number: contract.contractNo })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{contract.counterparty}</Table.Td>
                  <Table.Td>{contract.project}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {contract.amountFen === null ? t('common.empty') : money(contract.amountFen)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{contract.signedOn ?? t('common.empty')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{contract.effectiveOn ?? t('common.empty')}</Text>
                    <Text size="xs" c="dimmed">
                      {t('archive.contracts.until', { date: contract.expiresOn ?? t('common.empty') })}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <ContractStateBadge contract={contract} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} miw={60}>
                      {contract.tags.map((tag) => (
                        <Badge key={tag} size="sm" variant="outline">
                          {tag}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="center">{document.versions}</Table.Td>
                </Table.Tr>,
              ];
            })}
          />
        )}
      </QueryState>
    </Stack>
  );
}
