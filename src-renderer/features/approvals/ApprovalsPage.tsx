/** Approvals: what waits for me, what I asked for, and (for approvers) paperwork due and everything. */
import { useState } from 'react';
import { Alert, Loader, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/errors';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../auth/session';
import { ApprovalDrawer } from './ApprovalDrawer';
import { useApprovalList, type ApprovalView } from './approval-queries';
import { ApprovalsTable } from './ApprovalsTable';

export function ApprovalsPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const can = useCan();
  const views: ApprovalView[] = can('approvals.decide') ? ['toDecide', 'mine', 'paperwork', 'all'] : ['toDecide', 'mine'];
  const [view, setView] = useState<ApprovalView>('toDecide');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApprovalList(view);

  return (
    <Stack gap="md">
      <PageHeader title={t('approvals.title')} />
      <SegmentedControl
        value={view}
        onChange={(value) => setView(value as ApprovalView)}
        data={views.map((value) => ({ value, label: <span data-testid={`approvals-view-${value}`}>{t(`approvals.views.${value}`)}</span> }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.isPending && <Loader size="sm" />}
      {list.isError && <Alert color="red">{message(list.error)}</Alert>}
      {list.data && <ApprovalsTable requests={list.data} loadedAt={list.dataUpdatedAt} onOpen={setOpenId} />}
      <ApprovalDrawer requestId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
