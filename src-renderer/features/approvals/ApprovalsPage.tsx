/** Approvals: what waits for me, what I asked for, and (for approvers) paperwork due and everything. */
import { useState } from 'react';
import { SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { APPROVAL_VIEWS } from '@shared/contract';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useCan } from '../../api/session';
import { ApprovalDrawer } from './ApprovalDrawer';
import { ApprovalsTable } from './ApprovalsTable';
import { useCall } from '../../api/use-call';

type ApprovalView = (typeof APPROVAL_VIEWS)[number];

export function ApprovalsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const views: ApprovalView[] = can('approvals.decide')
    ? ['toDecide', 'mine', 'paperwork', 'all']
    : ['toDecide', 'mine'];
  const [view, setView] = useState<ApprovalView>('toDecide');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useCall('approvals.list', { view, limit: 200 });

  return (
    <Stack gap="md">
      <PageHeader title={t('approvals.title')} />
      <SegmentedControl
        value={view}
        onChange={(value) => setView(value as ApprovalView)}
        data={views.map((value) => ({
          value,
          label: <span data-testid={`approvals-view-${value}`}>{t(`approvals.views.${value}`)}</span>,
        }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <QueryState query={list}>
        {(requests) => <ApprovalsTable requests={requests} loadedAt={list.dataUpdatedAt} onOpen={setOpenId} />}
      </QueryState>
      <ApprovalDrawer requestId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
