/** One request opened from a list: its history, and what the viewer may do with it now. */
import { Alert, Badge, Button, Divider, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequest } from '@shared/contract';
import { useErrorText } from '../../i18n/errors';
import { useCan, useSession } from '../../api/session';
import { useCall } from '../../api/use-call';
import { ApprovalHistory } from './ApprovalHistory';
import { ApprovalSummaryTable } from './ApprovalSummary';
import { DecideForm } from './DecideForm';
import { downloadableResult, saveGuestExport } from './held-results';
import { useMoney } from '../../ui/money';
import { PaperworkForm } from './PaperworkForm';
import { useRequestLabels } from './request-labels';
import { StatusBadge } from './StatusBadge';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Divider label={title} labelPosition="left" />
      {children}
    </>
  );
}

function RequestDetail({ request, onNavigate }: { request: ApprovalRequest; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const can = useCan();
  const money = useMoney();
  const labels = useRequestLabels();
  const own = request.requester.id === user.id;
  const download = own ? downloadableResult(request) : null;
  return (
    <Stack gap="md">
      <div>
        <Group gap="xs">
          <Title order={3} size="h4">
            {labels.operation(request.operation)}
          </Title>
          <StatusBadge status={request.status} />
          {request.emergency && (
            <Badge variant="filled" color="orange">
              {t('approvals.emergency')}
            </Badge>
          )}
        </Group>
        <Text data-testid="approval-subject">{labels.subject(request.subject.label)}</Text>
        {request.amountFen !== null && <Text c="dimmed">{money(request.amountFen)}</Text>}
      </div>
      <Section title={t('approvalSummary.title')}>
        <ApprovalSummaryTable
          summary={request.summary}
          fallback={request.summary ? '' : t('approvalSummary.gone')}
          onOpenLink={onNavigate}
        />
      </Section>
      <ApprovalHistory request={request} />
      {request.status === 'pending' && !own && (
        <Section title={t('approvals.decideTitle')}>
          <DecideForm key={request.id} request={request} />
        </Section>
      )}
      {request.emergency && request.paperworkDoneAt === null && can('approvals.decide') && (
        <Section title={t('approvals.completePaperwork')}>
          <PaperworkForm key={request.id} requestId={request.id} />
        </Section>
      )}
      {download && (
        <Button
          variant="light"
          leftSection={<IconDownload size={16} />}
          onClick={() => saveGuestExport(download)}
          data-testid="approval-download"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('approvals.download', { rows: download.rows })}
        </Button>
      )}
    </Stack>
  );
}

export function ApprovalDrawer({ requestId, onClose }: { requestId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const request = useCall('approvals.get', { requestId: requestId ?? '' }, { enabled: requestId !== null });
  return (
    <Drawer
      opened={requestId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('approvals.drawerTitle')}
      data-testid="approval-drawer"
    >
      {request.isLoading && <Loader size="sm" />}
      {request.isError && <Alert color="red">{message(request.error)}</Alert>}
      {request.data && <RequestDetail request={request.data} onNavigate={onClose} />}
    </Drawer>
  );
}
