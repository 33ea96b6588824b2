/**
 * 报表: pick a report (the daily report for a business date; the monthly operations, risk or
 * satisfaction report for a month), read it as it will print, print it (the window's print path:
 * Electron prints the window, A4, the app's chrome left out), or export it to Excel or CSV with the
 * same figures. The choice lives in the hash (#/reports?kind=daily&date=…), so a reload keeps it.
 */
import { useState } from 'react';
import { Alert, Button, Group, Input, Loader, SegmentedControl, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileTypeCsv, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportDocument } from '@shared/contract/reports';
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
import { ReportView } from './ReportView';

const PAGE_KINDS = ['daily', 'operations', 'risk', 'satisfaction'] as const;
type PageKind = (typeof PAGE_KINDS)[number];

function pageKind(value: string | null): PageKind {
  return (PAGE_KINDS as readonly string[]).includes(value ?? '') ? (value as PageKind) : 'daily';
}

export function ReportsPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const businessDate = useBusinessDate();
  const kind = pageKind(useHashParam('kind'));
  const date = useHashParam('date') ?? businessDate;
  const month = useHashParam('month') ?? businessDate?.slice(0, 7);

  const daily = useCall('reports.daily', { date: date ?? '' }, { enabled: kind === 'daily' && Boolean(date) });
  const monthly = useCall(
    'reports.monthly',
    { kind: kind === 'daily' ? 'operations' : kind, month: month ?? '' },
    { enabled: kind !== 'daily' && Boolean(month) },
  );
  const report = kind === 'daily' ? daily : monthly;
  const reading = useReportReading(report.data);

  return (
    <>
      <div className="report-screen-only">
        <PageHeader title={t('reports.title')}>
          {report.data && <ReportActions document={report.data} reading={reading} />}
        </PageHeader>
        <Group align="flex-end" mb="md" gap="md">
          <Input.Wrapper label={t('reports.picker.kind')}>
            <SegmentedControl
              display="flex"
              value={kind}
              onChange={(value) => setHashParams({ kind: value })}
              data={PAGE_KINDS.map((value) => ({
                value,
                label: <span data-testid={`report-kind-${value}`}>{t(`reports.kinds.${value}`)}</span>,
              }))}
            />
          </Input.Wrapper>
          {kind === 'daily' ? (
            <TextInput
              type="date"
              label={t('reports.picker.date')}
              w={170}
              value={date ?? ''}
              onChange={(event) => event.currentTarget.value && setHashParams({ date: event.currentTarget.value })}
              data-testid="report-date"
            />
          ) : (
            <TextInput
              type="month"
              label={t('reports.picker.month')}
              w={170}
              value={month ?? ''}
              onChange={(event) => event.currentTarget.value && setHashParams({ month: event.currentTarget.value })}
              data-testid="report-month"
            />
          )}
          {report.isFetching && <Loader size="sm" mb={8} aria-label={t('reports.loading')} />}
        </Group>
        {report.isError && <Alert color="red">{message(report.error)}</Alert>}
      </div>
      {report.data && <ReportView document={report.data} reading={reading} />}
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
