/** Audit entries, newest first; each row opens to show its detail. */
import { Fragment, useState } from 'react';
import { ActionIcon, Badge, Code, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isOperationName, type AuditEntry, type AuditOutcome } from '@shared/contract';
import { useFormat } from '../../i18n/format';
import { zhCN } from '../../i18n/locales/zh-CN';
import { DataTable } from '../../ui/DataTable';
import { AuditDetail } from './AuditDetail';

const OUTCOME_COLORS: Record<AuditOutcome, string> = { ok: 'teal', denied: 'orange', failed: 'red' };

type EntityType = keyof typeof zhCN.entities;

function isEntityType(value: string): value is EntityType {
  return Object.hasOwn(zhCN.entities, value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** UUIDs are shortened to their distinctive tail (the full id is in the tooltip); other ids read as they are. */
function shortId(id: string): string {
  return UUID.test(id) ? `…${id.slice(-12)}` : id;
}

/**
 * Who acted: the staff member's display name, with the username beneath (two people may share a
 * name). An actor since removed keeps the username the entry stored; no actor is the system.
 */
function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.actorName) {
    return (
      <Text size="sm" c="dimmed">
        {t('auditView.system')}
      </Text>
    );
  }
  const name = entry.actorDisplayName ?? entry.actorName;
  return (
    <>
      <Text size="sm" data-testid="audit-actor-name">
        {name}
      </Text>
      {name !== entry.actorName && (
        <Text size="xs" c="dimmed" ff="monospace" data-testid="audit-actor-username">
          {entry.actorName}
        </Text>
      )}
    </>
  );
}

function Row({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const toggleLabel = open ? t('audit.hideDetail') : t('audit.showDetail');
  return (
    <Fragment>
      <Table.Tr data-testid={`audit-row-${entry.seq}`}>
        <Table.Td>
          <Tooltip label={toggleLabel}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={toggleLabel}
              aria-expanded={open}
              onClick={() => setOpen(!open)}
              data-testid={`audit-toggle-${entry.seq}`}
            >
              {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            </ActionIcon>
          </Tooltip>
        </Table.Td>
        <Table.Td c="dimmed">{entry.seq}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
        <Table.Td data-testid="audit-actor">
          <Actor entry={entry} />
        </Table.Td>
        <Table.Td>
          <Text size="sm">
            {isOperationName(entry.operation) ? t(`operations.${entry.operation}`) : entry.operation}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {entry.operation}
          </Text>
        </Table.Td>
        <Table.Td>
          {entry.entityType ? (
            <>
              <Text size="sm">
                {isEntityType(entry.entityType) ? t(`entities.${entry.entityType}`) : entry.entityType}
              </Text>
              {entry.entityLabel ? (
                <Text size="sm" fw={500} title={entry.entityId ?? undefined} data-testid="audit-entity-label">
                  {entry.entityLabel}
                </Text>
              ) : (
                entry.entityId && (
                  <Code fz="xs" title={entry.entityId}>
                    {shortId(entry.entityId)}
                  </Code>
                )
              )}
            </>
          ) : (
            t('common.empty')
          )}
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={OUTCOME_COLORS[entry.outcome]}>
            {t(`audit.outcomes.${entry.outcome}`)}
          </Badge>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr data-testid={`audit-detail-${entry.seq}`}>
          <Table.Td colSpan={7}>
            <AuditDetail detail={entry.detail} hash={entry.hash} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={860}
      striped={false}
      verticalSpacing={6}
      data-testid="audit-table"
      columns={[
        <Table.Th key="detail" w={40}>
          <VisuallyHidden>{t('audit.detail')}</VisuallyHidden>
        </Table.Th>,
        <Table.Th key="seq" w={60}>
          #
        </Table.Th>,
        t('audit.time'),
        t('audit.actor'),
        t('audit.operation'),
        t('audit.entity'),
        t('audit.outcome'),
      ]}
      emptyText={t('audit.empty')}
      rows={entries.map((entry) => (
        <Row key={entry.seq} entry={entry} />
      ))}
    />
  );
}
