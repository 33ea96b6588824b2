/**
 * What a supervisor, director or general manager reads first: occupancy tonight and the next
 * seven nights, requests waiting for their decision, emergency approvals' paperwork past due, open
 * sync conflicts, complaints past or near their targets, and reports finished but not submitted.
 * Each figure opens its list.
 */
import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HomeNight, HomeOverview } from '@shared/contract/home';
import type { ReportDue } from '@shared/contract/report-operations';
import { useFormat } from '../../i18n/format';
import { useStayFormat } from '../bookings/stay-format';
import { hrefOf } from '../shell/router';
import { homeLinks } from './links';
import { ListOrEmpty } from './ListOrEmpty';
import { CardHeading, StatTile } from './StatTile';

function usePercent(): (value: number | null) => string {
  const { locale } = useFormat();
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return (value) => (value === null ? '—' : format.format(value));
}

function Night({ night, first }: { night: HomeNight; first: boolean }) {
  const { t } = useTranslation();
  const stay = useStayFormat();
  const percent = usePercent();
  const share = night.occupancy ?? 0;
  return (
    <Stack gap={2} data-testid={`home-night-${night.night}`}>
      <Text size="xs" c={first ? undefined : 'dimmed'} fw={first ? 600 : undefined}>
        {first ? t('home.overview.tonight') : stay.date(night.night)}
      </Text>
      <Text fw={700} size="lg" c={share >= 0.9 ? 'red' : undefined} data-testid={`home-night-${night.night}-rate`}>
        {percent(night.occupancy)}
      </Text>
      <Progress value={Math.min(100, share * 100)} size="sm" color={share >= 0.9 ? 'red' : 'teal'} />
      <Text size="xs" c="dimmed" data-testid={`home-night-${night.night}-rooms`}>
        {night.closed
          ? t('home.overview.closed')
          : t('home.overview.rooms', { sold: night.sold, sellable: night.sellable })}
      </Text>
    </Stack>
  );
}

/** Where a report of a kind and period opens on the reports page. */
function reportHref(report: ReportDue): string {
  const key = report.kind === 'daily' ? 'date' : report.kind === 'weekly' ? 'week' : 'month';
  return `${hrefOf('reports')}?${new URLSearchParams({ kind: report.kind, [key]: report.period }).toString()}`;
}

function Reports({ reports }: { reports: ReportDue[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="sm" data-testid="home-reports">
      <CardHeading
        title={
          <>
            {t('home.overview.reports')} · <span data-testid="home-reports-count">{reports.length}</span>
          </>
        }
        href={`${hrefOf('reports')}?kind=calendar`}
        linkText={t('home.open')}
      />
      <ListOrEmpty empty={reports.length === 0} emptyText={t('home.overview.reportsEmpty')} gap={6}>
        {reports.slice(0, 6).map((report) => (
          <UnstyledButton
            key={`${report.kind}|${report.period}`}
            component="a"
            href={reportHref(report)}
            data-testid={`home-report-${report.kind}-${report.period}`}
          >
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {t(`reports.kinds.${report.kind}`)}
                <Text span size="xs" c="dimmed" ml="xs">
                  {report.period}
                </Text>
              </Text>
              {report.state === 'late' ? (
                <Badge color="red" size="sm">
                  {t('home.overview.reportLate')}
                </Badge>
              ) : (
                <Text size="xs" c="orange">
                  {t('home.overview.reportDue', {
                    at: format.minute(report.deadline),
                  })}
                </Text>
              )}
            </Group>
          </UnstyledButton>
        ))}
      </ListOrEmpty>
    </Card>
  );
}

export function ManagerOverview({ overview }: { overview: HomeOverview }) {
  const { t } = useTranslation();
  const { occupancy, approvals, openConflicts, complaints, reports } = overview;
  return (
    <Stack gap="sm" data-testid="home-overview">
      {occupancy && (
        <UnstyledButton component="a" href={hrefOf('availability')} data-testid="home-occupancy">
          <Card withBorder padding="sm">
            <Text fw={600} mb="xs">
              {t('home.overview.occupancy')}
            </Text>
            <SimpleGrid cols={{ base: 4, md: 8 }} spacing="sm">
              {occupancy.map((night, i) => (
                <Night key={night.night} night={night} first={i === 0} />
              ))}
            </SimpleGrid>
          </Card>
        </UnstyledButton>
      )}
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
        {approvals && (
          <StatTile
            label={t('home.overview.approvals')}
            value={approvals.toDecide}
            href={homeLinks.approvalsToDecide()}
            testId="home-approvals"
          />
        )}
        {approvals && (
          <StatTile
            label={t('home.overview.paperwork')}
            value={approvals.overduePaperwork}
            href={homeLinks.paperworkOverdue()}
            color="red"
            testId="home-paperwork"
          />
        )}
        {openConflicts !== null && (
          <StatTile
            label={t('home.overview.conflicts')}
            value={openConflicts}
            href={homeLinks.openConflicts()}
            color="red"
            testId="home-conflicts"
          />
        )}
        {complaints && (
          <StatTile
            label={t('home.overview.complaintsOverdue')}
            value={complaints.overdue}
            href={homeLinks.complaints('overdue')}
            color="red"
            testId="home-complaints-overdue"
          />
        )}
        {complaints && (
          <StatTile
            label={t('home.overview.complaintsDueSoon')}
            value={complaints.dueSoon}
            href={homeLinks.complaints('due_soon')}
            testId="home-complaints-due-soon"
          />
        )}
        {complaints && (
          <StatTile
            label={t('home.overview.complaintsAwaiting')}
            value={complaints.awaitingSupervisor}
            href={homeLinks.complaints('unassigned', complaints.awaitingSeverity)}
            testId="home-complaints-awaiting"
          />
        )}
      </SimpleGrid>
      {reports && <Reports reports={reports} />}
    </Stack>
  );
}
