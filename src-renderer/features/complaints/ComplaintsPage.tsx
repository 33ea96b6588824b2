/**
 * 客诉: the complaints list (not closed, mine, awaiting a supervisor, due soon, overdue, all; by
 * severity) with each ticket's running clocks, opening one, and the ticket with its timeline. The
 * view, the severity and the open ticket live in the hash (`#/complaints?view=overdue`), so a link
 * from the home screen opens the list its count counts, and a reload or Back keeps it.
 */
import { Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_SEVERITIES, COMPLAINT_VIEWS, type ComplaintSeverity, type ComplaintView } from '@shared/contract';
import { useCall } from '../../api/use-call';
import { useFormat } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { ClockBadges } from './ClockBadges';
import { ComplaintModal } from './ComplaintTicket';
import { OpenComplaint } from './OpenComplaint';
import { SeverityBadge } from './SeverityBadge';
import { setHashParams, useHashParam } from '../shell/router';

export function ComplaintsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewParam = useHashParam('view');
  const severityParam = useHashParam('severity');
  const view: ComplaintView = COMPLAINT_VIEWS.find((v) => v === viewParam) ?? 'open';
  const severity: ComplaintSeverity | null = COMPLAINT_SEVERITIES.find((s) => s === severityParam) ?? null;
  const shown = useHashParam('complaint');
  const setShown = (id: string | null) => setHashParams({ complaint: id });
  const list = useCall('complaints.list', { view, severity });
  return (
    <Stack gap="md">
      <PageHeader title={t('complaints.title')}>
        <OpenComplaint onOpened={setShown} />
      </PageHeader>
      <Group>
        <SegmentedControl
          value={view}
          onChange={(value) => setHashParams({ view: value })}
          data={COMPLAINT_VIEWS.map((value) => ({ value, label: t(`complaints.views.${value}`) }))}
          data-testid="complaints-view"
        />
        <Select
          placeholder={t('complaints.anySeverity')}
          clearable
          value={severity}
          onChange={(value) => setHashParams({ severity: value })}
          data={COMPLAINT_SEVERITIES.map((value) => ({ value, label: t(`complaints.severities.${value}`) }))}
          w={160}
          data-testid="complaints-severity"
        />
      </Group>
      <QueryState query={list}>
        {(complaints) => (
          <DataTable
            minWidth={960}
            data-testid="complaints-list"
            columns={[
              t('complaints.number'),
              t('complaints.openedAt'),
              t('complaints.severity'),
              t('complaints.guest'),
              t('complaints.owner'),
              t('complaints.status'),
              t('complaints.deadlines'),
            ]}
            emptyText={t('complaints.empty')}
            rows={complaints.map((complaint) => (
              <Table.Tr
                key={complaint.id}
                style={{ cursor: 'pointer' }}
                onClick={() => setShown(complaint.id)}
                data-testid={`complaint-row-${complaint.number}`}
              >
                <Table.Td ff="monospace">{complaint.number}</Table.Td>
                <Table.Td>{format.dateTime(complaint.openedAt)}</Table.Td>
                <Table.Td>
                  <SeverityBadge severity={complaint.severity} light />
                </Table.Td>
                <Table.Td>{complaint.guestName ?? ''}</Table.Td>
                <Table.Td>
                  {complaint.owner.name}
                  {complaint.severity !== 'general' && (
                    <Text size="xs" c={complaint.coOwner ? 'dimmed' : 'orange'}>
                      {complaint.coOwner
                        ? `${t('complaints.supervisor')} ${complaint.coOwner.name}`
                        : t('complaints.noCoOwner')}
                    </Text>
                  )}
                  {complaint.pendingOwner && (
                    <Text size="xs" c="orange">
                      {t('complaints.pendingOwner', { name: complaint.pendingOwner.name })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`complaints.statuses.${complaint.status}`)}</Table.Td>
                <Table.Td>
                  <ClockBadges complaint={complaint} />
                </Table.Td>
              </Table.Tr>
            ))}
          />
        )}
      </QueryState>
      <ComplaintModal id={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}
