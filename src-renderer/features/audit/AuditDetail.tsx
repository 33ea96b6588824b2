/** One audit entry's detail: the input, the record before and after, and the error code if it failed. */
import { Code, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditDetail as Detail } from '@shared/contract';

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

export function AuditDetail({ detail, hash }: { detail: Detail | null; hash: string }) {
  const { t } = useTranslation();
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
      {blocks.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: blocks.length }}>
          {blocks.map((block) => (
            <Json key={block.key} label={block.label} value={block.value} />
          ))}
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {hash}
      </Text>
    </Stack>
  );
}
