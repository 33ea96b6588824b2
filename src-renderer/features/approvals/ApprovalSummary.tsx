/**
 * What a held operation will do, as the approver reads it: guest, stay, room type, the amount
 * before → after and the difference. The summary is data from the services; the field names,
 * money, points and dates are put in the UI language here (summary-text.ts).
 */
import { useCallback } from 'react';
import { Anchor, Group, Table, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApprovalSummary, ApprovalSummaryLine, ApprovalSummaryValue } from '@shared/contract';
import { useMoney } from '../../ui/money';
import { openBooking, openGuest } from '../bookings/overlays';
import { summaryValueText } from './summary-text';

/** Formats one summary value in the UI language. */
export function useSummaryValue() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const locale = i18n.language;
  return useCallback(
    (value: ApprovalSummaryValue) => summaryValueText(value, { t, locale, money }),
    [t, money, locale],
  );
}

/** Lines the queue shows in one cell: the guest, the stay, and what changes (a price before → after). */
const COMPACT_FIELDS: ReadonlySet<ApprovalSummaryLine['field']> = new Set([
  'guest',
  'booking',
  'stay',
  'roomType',
  'nightly',
  'penalty',
  'member',
  'points',
  'complaint',
  'compensation',
  'businessDate',
  'document',
  'record',
  'query',
]);

function SummaryLink({ link, onOpen }: { link: NonNullable<ApprovalSummary['link']>; onOpen?: () => void }) {
  const { t } = useTranslation();
  const open = () => {
    onOpen?.();
    if (link.type === 'booking') openBooking(link.id);
    else openGuest(link.id);
  };
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={(event) => {
        event.stopPropagation();
        open();
      }}
      data-testid="approval-summary-link"
    >
      <Group gap={4} wrap="nowrap">
        <IconExternalLink size={14} />
        {link.type === 'booking' ? t('approvalSummary.openBooking') : t('approvalSummary.openGuest')}
      </Group>
    </Anchor>
  );
}

/** The summary as a two-column table (the drawer, the at-desk dialog). */
export function ApprovalSummaryTable({
  summary,
  fallback,
  onOpenLink,
}: {
  summary: ApprovalSummary | null;
  /** The subject as the request stored it, when its record is gone. */
  fallback: string;
  /** Shown with a link to the booking or guest when given (the link closes the caller first). */
  onOpenLink?: () => void;
}) {
  const { t } = useTranslation();
  const format = useSummaryValue();
  if (!summary) {
    return (
      <Text size="sm" data-testid="approval-summary">
        {fallback}
      </Text>
    );
  }
  return (
    <div data-testid="approval-summary">
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" layout="fixed">
        <Table.Tbody>
          {summary.lines.map((line) => (
            <Table.Tr key={line.field} data-field={line.field}>
              <Table.Td w={120} c="dimmed" fz="sm" style={{ verticalAlign: 'top' }}>
                {t(`approvalSummary.fields.${line.field}`)}
              </Table.Td>
              <Table.Td
                fz="sm"
                fw={line.value.kind === 'moneyChange' || line.field === 'difference' ? 600 : undefined}
                style={{ fontVariantNumeric: 'tabular-nums' }}
                data-testid={`approval-summary-${line.field}`}
              >
                {format(line.value)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {summary.link && onOpenLink && <SummaryLink link={summary.link} onOpen={onOpenLink} />}
    </div>
  );
}

/** The summary in one table cell of the queue: the main values joined, the link below. */
export function ApprovalSummaryCell({ summary, fallback }: { summary: ApprovalSummary | null; fallback: string }) {
  const format = useSummaryValue();
  if (!summary) return <>{fallback}</>;
  const text = summary.lines
    .filter((line) => COMPACT_FIELDS.has(line.field))
    .map((line) => format(line.value))
    .join(' · ');
  return (
    <div data-testid="approval-summary-cell">
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {text}
      </Text>
      {summary.link && <SummaryLink link={summary.link} />}
    </div>
  );
}
