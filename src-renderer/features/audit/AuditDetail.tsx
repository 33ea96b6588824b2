/**
 * One audit entry's detail as a person reads it: the fields that changed (before → after), or what
 * was submitted when nothing changed, and the error if it failed. The raw JSON stays one click
 * away for engineers, with the entry's hash.
 */
import { useState } from 'react';
import { Button, Code, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditDetail as Detail } from '@shared/contract';
import { useMoney } from '../../ui/money';
import { changedFields, type FieldChange } from './changes';

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <Stack gap={4} miw={0}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Code block style={{ maxHeight: 260, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    </Stack>
  );
}

/** A field's name in the UI language when it is a common one; otherwise as recorded. */
function useFieldName() {
  const { t, i18n } = useTranslation();
  return (field: string) => {
    const key = `auditView.fields.${field.replaceAll('.', '_')}`;
    return i18n.exists(key) ? t(key as 'auditView.fields.status') : field;
  };
}

function useValueText() {
  const { t } = useTranslation();
  const money = useMoney();
  return (field: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return t('auditView.empty');
    if (typeof value === 'boolean') return value ? t('auditView.yes') : t('auditView.no');
    if (typeof value === 'number' && /Fen$/.test(field)) return money(value);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return JSON.stringify(value);
  };
}

function ChangesTable({ changes, withBefore }: { changes: FieldChange[]; withBefore: boolean }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const valueText = useValueText();
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="audit-changes" style={{ tableLayout: 'fixed' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{t('auditView.field')}</Table.Th>
          {withBefore && <Table.Th>{t('auditView.before')}</Table.Th>}
          <Table.Th>{withBefore ? t('auditView.after') : t('auditView.input')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.field} data-field={change.field}>
            <Table.Td title={change.field}>{fieldName(change.field)}</Table.Td>
            {withBefore && (
              <Table.Td c="dimmed" style={{ wordBreak: 'break-word' }}>
                {valueText(change.field, change.before)}
              </Table.Td>
            )}
            <Table.Td style={{ wordBreak: 'break-word' }}>{valueText(change.field, change.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditDetail({ detail, hash }: { detail: Detail | null; hash: string }) {
  const { t } = useTranslation();
  const [raw, setRaw] = useState(false);
  const hasChange = detail?.before !== undefined || detail?.after !== undefined;
  const changes = hasChange ? changedFields(detail?.before, detail?.after) : changedFields(undefined, detail?.input);
  const blocks = [
    { key: 'input', label: t('audit.input'), value: detail?.input },
    { key: 'before', label: t('audit.before'), value: detail?.before },
    { key: 'after', label: t('audit.after'), value: detail?.after },
  ].filter((block) => block.value !== undefined);
  return (
    <Stack gap="xs" py={4}>
      {detail?.error && (
        <Text size="sm">
          {t('audit.error')}: <Code c="red">{detail.error}</Code>
        </Text>
      )}
      {changes.length > 0 ? (
        <ChangesTable changes={changes} withBefore={hasChange} />
      ) : (
        hasChange && (
          <Text size="sm" c="dimmed">
            {t('auditView.noChanges')}
          </Text>
        )
      )}
      {blocks.length > 0 && (
        <Button
          variant="subtle"
          size="compact-xs"
          color="gray"
          leftSection={<IconCode size={14} />}
          onClick={() => setRaw(!raw)}
          aria-expanded={raw}
          data-testid="audit-raw-toggle"
          style={{ alignSelf: 'flex-start' }}
        >
          {raw ? t('auditView.hideRaw') : t('auditView.showRaw')}
        </Button>
      )}
      {raw && (
        <Stack gap={4} data-testid="audit-raw">
          <Text size="xs" c="dimmed">
            {t('auditView.raw')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: blocks.length }}>
            {blocks.map((block) => (
              <Json key={block.key} label={block.label} value={block.value} />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {hash}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
