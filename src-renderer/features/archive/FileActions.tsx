/**
 * What may be done with one stored file: 查看 in the viewer (viewable types, with the tier's read
 * permission); 申请下载, a reason sent as `archive.allowDownload`, held for approval (the request
 * dialog takes it from there); 下载, once approved: `archive.download` opens a read that is
 * gathered in memory and handed to the browser as a file.
 */
import { useState } from 'react';
import { Button, Group, Modal, Text, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconEye, IconFileArrowRight } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { archiveOperations, type ArchiveFileInfo } from '@shared/contract/archive';
import { call } from '../../api/client';
import { useCan } from '../../api/session';
import { useMutate } from '../../api/use-call';
import { useFormat } from '../../i18n/format';
import { downloadText } from '../../ui/download-file';
import { ModalForm } from '../../ui/ModalForm';
import { ApprovalRequestDialog } from '../approvals/ApprovalRequestDialog';
import { heldFrom, type HeldOperation } from '../approvals/held';
import { useArchiveErrorText } from './archive-errors';
import { useConfirmRetry } from './ConfirmPassword';
import { FileViewer, type ViewerTarget } from './FileViewer';
import { readAll, TransferCancelled } from './transfer';

interface FileActionsProps {
  file: ArchiveFileInfo;
  /** The document's name, for titles and the approval's subject. */
  name: string;
  /** Whether the signed-in person may open the document's files. */
  mayRead: boolean;
  testId: string;
}

export function FileActions({ file, name, mayRead, testId }: FileActionsProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [viewing, setViewing] = useState<ViewerTarget | null>(null);
  const [asking, setAsking] = useState(false);
  const [held, setHeld] = useState<HeldOperation | null>(null);
  // The desk names an allowance only while it is approved, unused and not yet expired.
  const allowed = file.downloadAllowedUntil !== null;
  if (!mayRead) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {file.viewable ? (
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconEye size={14} />}
          onClick={() => setViewing({ file, title: name })}
          data-testid={`${testId}-view`}
        >
          {t('archive.file.view')}
        </Button>
      ) : (
        <Text size="xs" c="dimmed">
          {t('archive.file.downloadOnly')}
        </Text>
      )}
      {allowed ? (
        <DownloadButton file={file} testId={testId} />
      ) : (
        can('approvals.decide') && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconFileArrowRight size={14} />}
            onClick={() => setAsking(true)}
            data-testid={`${testId}-request-download`}
          >
            {t('archive.file.requestDownload')}
          </Button>
        )
      )}
      <FileViewer target={viewing} onClose={() => setViewing(null)} />
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('archive.download.title')}
        centered
        data-testid="archive-download-request"
      >
        <RequestDownloadForm
          file={file}
          name={name}
          onClose={() => setAsking(false)}
          onHeld={(next) => {
            setAsking(false);
            setHeld(next);
          }}
        />
      </Modal>
      <ApprovalRequestDialog
        held={held}
        onClose={() => setHeld(null)}
        onExecuted={() => notifications.show({ color: 'teal', message: t('archive.download.granted') })}
      />
    </Group>
  );
}

const reasonSchema = z.object({ reason: archiveOperations['archive.allowDownload'].input.shape.reason });

function RequestDownloadForm({
  file,
  name,
  onClose,
  onHeld,
}: {
  file: ArchiveFileInfo;
  name: string;
  onClose: () => void;
  onHeld: (held: HeldOperation) => void;
}) {
  const { t } = useTranslation();
  const errorText = useArchiveErrorText();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { reason: '' }, validate: zod4Resolver(reasonSchema) });
  const allow = useMutate('archive.allowDownload', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('archive.download.granted') });
      onClose();
    },
    onError: (thrown, input) => {
      const next = heldFrom(
        thrown,
        'archive.allowDownload',
        input,
        t('archive.download.subject', { name, version: file.version, file: file.fileName }),
      );
      if (next) onHeld(next);
      else setError(errorText(thrown, form, { reason: t('archive.download.reason') }));
    },
  });
  return (
    <ModalForm
      onSubmit={form.onSubmit(({ reason }) => {
        setError(null);
        allow.mutate({ fileId: file.id, reason });
      })}
      onCancel={onClose}
      error={error}
      pending={allow.isPending}
      errorTestId="archive-download-error"
      submitTestId="archive-download-submit"
    >
      <Text size="sm">{t('archive.download.hint', { file: file.fileName })}</Text>
      <Textarea
        label={t('archive.download.reason')}
        placeholder={t('archive.download.reasonHint')}
        autosize
        minRows={2}
        data-autofocus
        data-testid="archive-download-reason"
        {...form.getInputProps('reason')}
      />
    </ModalForm>
  );
}

function DownloadButton({ file, testId }: { file: ArchiveFileInfo; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useArchiveErrorText();
  const { run, dialog } = useConfirmRetry();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const read = await run(() => call('archive.download', { fileId: file.id }));
      const { bytes } = await readAll(read, () => undefined, new AbortController().signal);
      downloadText(read.fileName, bytes.buffer, read.mediaType);
      notifications.show({ color: 'teal', message: t('archive.download.done', { file: read.fileName }) });
    } catch (thrown) {
      if (!(thrown instanceof TransferCancelled)) notifications.show({ color: 'red', message: errorText(thrown) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {dialog}
      <Tooltip label={t('archive.file.allowedUntil', { until: format.dateTime(file.downloadAllowedUntil!) })}>
        <Button
          size="compact-xs"
          variant="light"
          color="teal"
          leftSection={<IconDownload size={14} />}
          loading={busy}
          onClick={() => void download()}
          data-testid={`${testId}-download`}
        >
          {t('archive.file.download')}
        </Button>
      </Tooltip>
    </>
  );
}
