/**
 * Approvals: what waits for me, what I asked for, and (for approvers) paperwork due — or only what
 * is past due, the home screen's count — and everything. The view lives in the hash
 * (`#/approvals?view=paperwork&overdue=1`), so a home link opens it and a reload keeps it.
 */
import { useState } from 'react';
import { Group, SegmentedControl, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { APPROVAL_VIEWS } from '@shared/contract';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useCan } from '../../api/session';
import { ApprovalDrawer } from './ApprovalDrawer';
import { ApprovalsTable } from './ApprovalsTable';
import { useCall } from '../../api/use-call';
import { setHashParams, useHashParam } from '../shell/router';

type ApprovalView = (typeof APPROVAL_VIEWS)[number];

export function ApprovalsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const views: ApprovalView[] = can('approvals.decide')
    ? ['toDecide', 'mine', 'paperwork', 'all']
    : ['toDecide', 'mine'];
  const viewParam = useHashParam('view');
  const view = views.find((v) => v === viewParam) ?? 'toDecide';
  const overdueParam = useHashParam('overdue');
  const overdueOnly = view === 'paperwork' && overdueParam === '1';
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useCall('approvals.list', { view, overdueOnly, limit: 200 });

  return (
    <Stack gap="md">
      <PageHeader title={t('approvals.title')} />
      <Group>
        <SegmentedControl
          value={view}
          onChange={(value) => setHashParams({ view: value, overdue: null })}
          data={views.map((value) => ({
            value,
            label: <span data-testid={`approvals-view-${value}`}>{t(`approvals.views.${value}`)}</span>,
          }))}
        />
        {view === 'paperwork' && (
          <Switch
            label={t('approvals.overdueOnly')}
            checked={overdueOnly}
            onChange={(event) => setHashParams({ overdue: event.currentTarget.checked ? '1' : null })}
            data-testid="approvals-overdue-only"
          />
        )}
      </Group>
      <QueryState query={list}>
        {(requests) => <ApprovalsTable requests={requests} loadedAt={list.dataUpdatedAt} onOpen={setOpenId} />}
      </QueryState>
      <ApprovalDrawer requestId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
