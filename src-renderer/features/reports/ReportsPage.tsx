/**
 * 报表: pick a report (the daily report for a business date; the weekly report for an ISO week;
 * the monthly operations, risk or satisfaction report for a month), read it as it will print, print it (the window's print path:
 * Electron prints the window, A4, the app's chrome left out), or export it to Excel or CSV with the
 * same figures; sign it off (SubmissionPanel), or see the month's reports due on the calendar. The
 * choice lives in the hash (#/reports?kind=daily&date=…), so a reload keeps it.
 */
import { useState } from 'react';
import type { ReportKind } from '@shared/contract/report-kinds';
import { Alert, Box, Button, Group, Input, Loader, SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileTypeCsv, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportDocument } from '@shared/contract/reports';
import { weekOf } from '@shared/rules/report-deadlines';
import { useSession } from '../../api/session';
import { useCall } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { downloadText } from '../../ui/download-file';
import { PageHeader } from '../../ui/PageHeader';
import { useBusinessDate } from '../bookings/business-day';
import { setHashParams, useHashParam } from '../shell/router';
import { reportCsv } from './report-csv';
import { reportLayout } from './report-rows';
import { useReportReading, type ReportReading } from './report-words';
import { ReportCalendar } from './ReportCalendar';
import { ReportView } from './ReportView';
import { SubmissionPanel } from './SubmissionPanel';
import { WeekPicker } from './WeekPicker';
import { MonthField } from '../../ui/MonthField';
import { DateField } from '../../ui/DateField';

const PAGE_KINDS = ['daily', 'weekly', 'operations', 'risk', 'satisfaction'] as const;
type PageKind = (typeof PAGE_KINDS)[number];
/** What the page shows: one of the reports, or the calendar of reports due. */
type PageView = PageKind | 'calendar';

function pageView(value: string | null): PageView {
  return value === 'calendar' || (PAGE_KINDS as readonly string[]).includes(value ?? '')
    ? (value as PageView)
    : 'daily';
}

/** A report opened from the calendar: its kind and its period in the hash. */
function openReport(kind: ReportKind, period: string): void {
  if (kind === 'daily') setHashParams({ kind, date: period });
  else if (kind === 'weekly') setHashParams({ kind, week: period });
  else setHashParams({ kind, month: period });
}

export function ReportsPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const businessDate = useBusinessDate();
  const view = pageView(useHashParam('kind'));
  const kind: PageKind = view === 'calendar' ? 'daily' : view;
  const date = useHashParam('date') ?? businessDate;
  const week = useHashParam('week') ?? (businessDate && weekOf(businessDate));
  const month = useHashParam('month') ?? businessDate?.slice(0, 7);
  const period = kind === 'daily' ? date : kind === 'weekly' ? week : month;
  // The figures as submitted, while the reader chose to see them (for this report and period only).
  const [frozen, setFrozen] = useState<{ key: string; document: ReportDocument } | null>(null);
  const key = `${kind}:${period}`;

  const showing = view !== 'calendar';
  const daily = useCall(
    'reports.daily',
    { date: date ?? '' },
    { enabled: showing && kind === 'daily' && Boolean(date) },
  );
  const weekly = useCall(
    'reports.weekly',
    { week: week ?? '' },
    { enabled: showing && kind === 'weekly' && Boolean(week) },
  );
  const monthlyKind = kind === 'daily' || kind === 'weekly' ? null : kind;
  const monthly = useCall(
    'reports.monthly',
    { kind: monthlyKind ?? 'operations', month: month ?? '' },
    { enabled: showing && monthlyKind !== null && Boolean(month) },
  );
  const report = kind === 'daily' ? daily : kind === 'weekly' ? weekly : monthly;
  const document = frozen?.key === key ? frozen.document : report.data;
  const reading = useReportReading(document);

  return (
    <>
      <div className="report-screen-only">
        <PageHeader title={t('reports.title')}>
          {showing && document && <ReportActions document={document} reading={reading} />}
        </PageHeader>
        <Group align="flex-end" mb="md" gap="md">
          <Input.Wrapper label={t('reports.picker.kind')}>
            <SegmentedControl
              display="flex"
              value={view}
              onChange={(value) => setHashParams({ kind: value })}
              data={[
                ...PAGE_KINDS.map((value) => ({
                  value,
                  label: <span data-testid={`report-kind-${value}`}>{t(`reports.kinds.${value}`)}</span>,
                })),
                {
                  value: 'calendar',
                  label: <span data-testid="report-kind-calendar">{t('reports.submission.calendar.title')}</span>,
                },
              ]}
            />
          </Input.Wrapper>
          {!showing ? null : kind === 'daily' ? (
            <DateField
              label={t('reports.picker.date')}
              w={170}
              value={date ?? ''}
              onChange={(value) => value && setHashParams({ date: value })}
              data-testid="report-date"
            />
          ) : kind === 'weekly' ? (
            week && <WeekPicker week={week} onChange={(value) => setHashParams({ week: value })} />
          ) : (
            <MonthField
              label={t('reports.picker.month')}
              w={170}
              value={month ?? ''}
              onChange={(value) => value && setHashParams({ month: value })}
              data-testid="report-month"
            />
          )}
          {showing && report.isFetching && <Loader size="sm" mb={8} aria-label={t('reports.loading')} />}
        </Group>
        {showing && report.isError && <Alert color="red">{message(report.error)}</Alert>}
        {showing && period && (
          <Box mb="md">
            <SubmissionPanel
              key={key}
              kind={kind}
              period={period}
              onShowSubmitted={(submitted) => setFrozen(submitted && { key, document: submitted })}
            />
          </Box>
        )}
      </div>
      {showing ? (
        document && <ReportView document={document} reading={reading} />
      ) : (
        <ReportCalendar month={month} onMonthChange={(value) => setHashParams({ month: value })} onOpen={openReport} />
      )}
    </>
  );
}

/** A file name from the property, report and period, without the characters Windows refuses. */
function fileName(document: ReportDocument, reading: ReportReading, extension: string): string {
  const name = `${document.property.name}-${reading.words.title(document.kind)}-${document.period}`;
  return `${name.replace(/[\\/:*?"<>|]+/g, '_')}.${extension}`;
}

function ReportActions({ document, reading }: { document: ReportDocument; reading: ReportReading }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [exporting, setExporting] = useState(false);

  const exportExcel = async () => {
    setExporting(true);
    try {
      // exceljs is large: loaded the first time someone exports.
      const { reportXlsx, XLSX_TYPE } = await import('./report-excel');
      const buffer = await reportXlsx(reportLayout(document, reading.sheetWords), user.displayName);
      downloadText(fileName(document, reading, 'xlsx'), buffer, XLSX_TYPE);
    } catch (error) {
      console.error(error);
      notifications.show({ color: 'red', message: t('reports.actions.exportFailed') });
    } finally {
      setExporting(false);
    }
  };
  const exportCsv = () =>
    downloadText(
      fileName(document, reading, 'csv'),
      reportCsv(reportLayout(document, reading.sheetWords)),
      'text/csv;charset=utf-8',
    );

  return (
    <>
      <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} data-testid="report-print">
        {t('reports.actions.print')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} />}
        loading={exporting}
        onClick={() => void exportExcel()}
        data-testid="report-excel"
      >
        {t('reports.actions.excel')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileTypeCsv size={16} />}
        onClick={exportCsv}
        data-testid="report-csv"
      >
        {t('reports.actions.csv')}
      </Button>
    </>
  );
}
