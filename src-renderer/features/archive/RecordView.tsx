/**
 * A work record (JSON the desk froze at month end): submitted reports are drawn with the reports'
 * own ReportView; anything else (the audit trail of the month) is shown as its text.
 */
import { useMemo } from 'react';
import { Code, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportDocument } from '@shared/contract/reports';
import { useReportReading } from '../reports/report-words';
import { ReportView } from '../reports/ReportView';

function isReport(value: unknown): value is ReportDocument {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ReportDocument>;
  return (
    typeof candidate.kind === 'string' && Array.isArray(candidate.sections) && typeof candidate.property === 'object'
  );
}

/** The reports a record holds: one document, a list of them, or `{ reports: [...] }` (each maybe `{ document }`). */
function reportsOf(value: unknown): ReportDocument[] | null {
  if (isReport(value)) return [value];
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && Array.isArray((value as { reports?: unknown }).reports)
      ? (value as { reports: unknown[] }).reports
      : null;
  if (!list || list.length === 0) return null;
  const documents = list.map((item) =>
    isReport(item)
      ? item
      : isReport((item as { document?: unknown } | null)?.document)
        ? (item as { document: ReportDocument }).document
        : null,
  );
  return documents.every((document) => document !== null) ? (documents as ReportDocument[]) : null;
}

export function RecordView({ bytes }: { bytes: Uint8Array }) {
  const { t } = useTranslation();
  const { text, reports, empty } = useMemo(() => {
    const decoded = new TextDecoder().decode(bytes);
    try {
      const parsed: unknown = JSON.parse(decoded);
      const empty = Array.isArray(parsed) && parsed.length === 0;
      return { text: JSON.stringify(parsed, null, 2), reports: reportsOf(parsed), empty };
    } catch {
      return { text: decoded, reports: null, empty: false };
    }
  }, [bytes]);
  if (empty) {
    return (
      <Text c="dimmed" ta="center" py="xl" data-testid="archive-record-empty">
        {t('archive.viewer.emptyRecord')}
      </Text>
    );
  }
  if (reports) {
    return (
      <ScrollArea h="72vh" data-testid="archive-record-reports">
        <Stack gap="xl">
          {reports.map((document, i) => (
            <FrozenReport key={`${document.kind}:${document.period}:${i}`} document={document} />
          ))}
        </Stack>
      </ScrollArea>
    );
  }
  return (
    <ScrollArea h="72vh" data-testid="archive-record-text">
      <Code block>{text}</Code>
    </ScrollArea>
  );
}

function FrozenReport({ document }: { document: ReportDocument }) {
  const reading = useReportReading(document);
  return <ReportView document={document} reading={reading} />;
}
