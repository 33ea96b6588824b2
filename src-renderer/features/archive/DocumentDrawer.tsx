/**
 * One archived document (`?doc=<id>` on the archive page): its metadata (a contract's parties,
 * number, amount, dates, status and tags; a record's month and retention), and every version,
 * newest first, each with its size, uploader, SHA-256 and what may be done with it; a contract's
 * manager uploads a new version here, the old ones staying.
 */
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ArchiveDocumentDetail } from '@shared/contract/archive';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { Fact } from '../../ui/Fact';
import { useMoney } from '../../ui/money';
import { ContractStateBadge } from './contract-state';
import { FileActions } from './FileActions';
import { EditContract } from './NewContract';
import { FileUploadForm } from './FileUploadForm';

export function DocumentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const document = useCall('archive.document', { id: id ?? '' }, { enabled: id !== null });
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size={860}
      title={<Title order={3}>{t('archive.document.title')}</Title>}
      data-testid="archive-document"
    >
      {document.isPending && <Loader size="sm" />}
      {document.isError && <Alert color="red">{message(document.error)}</Alert>}
      {document.data && <DocumentBody document={document.data} />}
    </Drawer>
  );
}

function DocumentBody({ document }: { document: ArchiveDocumentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const { contract, record, subject } = document;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Title order={2} size="h4" data-testid="archive-document-name">
            {document.name}
          </Title>
          {contract && <ContractStateBadge contract={contract} />}
          {record?.pastRetention && (
            <Badge color="orange" variant="light">
              {t('archive.records.pastRetention')}
            </Badge>
          )}
        </Group>
        {contract && document.mayManage && <EditContract document={document} />}
      </Group>
      {contract && (
        <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
          <Fact label={t('archive.contracts.fields.counterparty')}>{contract.counterparty}</Fact>
          <Fact label={t('archive.contracts.fields.project')}>{contract.project}</Fact>
          <Fact label={t('archive.contracts.fields.contractNo')}>{contract.contractNo}</Fact>
          <Fact label={t('archive.contracts.fields.amount')}>
            {contract.amountFen === null ? t('common.empty') : money(contract.amountFen)}
          </Fact>
          <Fact label={t('archive.contracts.fields.signedOn')}>{contract.signedOn ?? t('common.empty')}</Fact>
          <Fact label={t('archive.contracts.fields.effectiveOn')}>{contract.effectiveOn ?? t('common.empty')}</Fact>
          <Fact label={t('archive.contracts.fields.expiresOn')}>{contract.expiresOn ?? t('common.empty')}</Fact>
          <Fact label={t('archive.contracts.fields.tags')}>
            {contract.tags.length === 0 ? (
              t('common.empty')
            ) : (
              <Group gap={4}>
                {contract.tags.map((tag) => (
                  <Badge key={tag} size="sm" variant="outline">
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
          </Fact>
        </SimpleGrid>
      )}
      {subject && <Fact label={t(`archive.attachments.subjects.${subject.type}`)}>{subject.label}</Fact>}
      {record && (
        <SimpleGrid cols={3} spacing="sm">
          <Fact label={t('archive.records.columns.period')}>{record.period}</Fact>
          <Fact label={t('archive.records.columns.kind')}>{t(`archive.records.kinds.${record.kind}`)}</Fact>
          <Fact label={t('archive.records.columns.retainUntil')}>{record.retainUntil}</Fact>
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed">
        {t('archive.document.createdBy', { name: document.createdBy.name, at: format.dateTime(document.createdAt) })}
      </Text>
      {!document.mayRead && (
        <Alert color="gray" data-testid="archive-document-no-read">
          {t('archive.document.noRead')}
        </Alert>
      )}
      <Divider label={t('archive.document.versions', { count: document.files.length })} labelPosition="left" />
      {document.mayManage && document.tier === 'contract' && <NewVersion documentId={document.id} />}
      <DataTable
        minWidth={760}
        data-testid="archive-versions"
        columns={[
          t('archive.document.version'),
          t('archive.document.fileName'),
          t('archive.document.size'),
          t('archive.document.uploaded'),
          t('archive.document.sha256'),
          t('common.actions'),
        ]}
        emptyText={t('common.empty')}
        rows={document.files.map((file) => (
          <Table.Tr key={file.id} data-testid={`archive-version-${file.version}`}>
            <Table.Td>v{file.version}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>
              {file.fileName}
              {!file.onThisDesk && (
                <Text size="xs" c="dimmed">
                  {t('archive.document.notOnDesk')}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.bytes(file.size)}</Table.Td>
            <Table.Td>
              {file.uploadedBy.name}
              <Text size="xs" c="dimmed">
                {format.dateTime(file.uploadedAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Tooltip label={file.sha256}>
                <Text ff="monospace" size="xs">
                  {file.sha256.slice(0, 12)}…
                </Text>
              </Tooltip>
            </Table.Td>
            <Table.Td>
              <FileActions
                file={file}
                name={document.name}
                mayRead={document.mayRead}
                testId={`archive-file-${file.version}`}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </Stack>
  );
}

/** 上传新版本: the file uploaded, then filed as the contract's next version. */
function NewVersion({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconUpload size={14} />}
          onClick={() => setOpened(true)}
          data-testid="archive-new-version"
        >
          {t('archive.document.newVersion')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('archive.document.newVersion')} centered>
        {opened && <NewVersionForm documentId={documentId} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function NewVersionForm({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FileUploadForm
      tier="contract"
      testId="archive-version"
      fileUpload={(uploadId) => call('archive.contracts.addVersion', { id: documentId, uploadId })}
      doneMessage={t('archive.document.versionAdded')}
      onClose={onClose}
    />
  );
}
