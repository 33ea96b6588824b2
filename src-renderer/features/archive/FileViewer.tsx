/**
 * The in-app viewer: `archive.open` (audited; for a customer document after the password is typed
 * again), every plaintext chunk read into memory, checked against the archived SHA-256, then shown
 * from memory — PDF with pdf.js, images on a canvas, a work record as its report or text. Nothing
 * is written to disk and no URL is made; closing the viewer drops the bytes.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { Alert, Badge, Code, Group, Loader, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ArchiveFileInfo, ArchiveRead } from '@shared/contract/archive';
import { call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { useArchiveErrorText } from './archive-errors';
import { useConfirmRetry } from './ConfirmPassword';
import { ImageView } from './ImageView';
import { PdfView } from './PdfView';
import { RecordView } from './RecordView';
import { readAll, TransferCancelled, type Progress as ReadProgress } from './transfer';

export interface ViewerTarget {
  file: ArchiveFileInfo;
  /** The document's name, for the title. */
  title: string;
}

export function FileViewer({ target, onClose }: { target: ViewerTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      size="min(1100px, 96vw)"
      title={target && t('archive.viewer.title', { name: target.title, version: target.file.version })}
      yOffset="2vh"
      data-testid="archive-viewer"
    >
      {target && <ViewerBody key={target.file.id} file={target.file} onCancelled={onClose} />}
    </Modal>
  );
}

type ViewerState =
  | { step: 'opening' }
  | { step: 'reading'; progress: ReadProgress }
  | { step: 'open'; read: ArchiveRead; bytes: Uint8Array<ArrayBuffer>; checkedHere: boolean | null }
  | { step: 'failed'; message: string };

function ViewerBody({ file, onCancelled }: { file: ArchiveFileInfo; onCancelled: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useArchiveErrorText();
  const { run, dialog } = useConfirmRetry();
  const [state, setState] = useState<ViewerState>({ step: 'opening' });
  // Read at the time of a failure, so a change of language does not open (and audit) the file again.
  const failed = useEffectEvent((thrown: unknown) => {
    if (thrown instanceof TransferCancelled) onCancelled();
    else setState({ step: 'failed', message: errorText(thrown) });
  });

  useEffect(() => {
    const abort = new AbortController();
    (async () => {
      const read = await run(() => call('archive.open', { fileId: file.id }));
      const { bytes, checkedHere } = await readAll(
        read,
        (progress) => !abort.signal.aborted && setState({ step: 'reading', progress }),
        abort.signal,
      );
      if (!abort.signal.aborted) setState({ step: 'open', read, bytes, checkedHere });
    })().catch((thrown: unknown) => {
      if (!abort.signal.aborted) failed(thrown);
    });
    return () => abort.abort();
  }, [file.id, run]);

  return (
    <Stack gap="sm">
      {dialog}
      {state.step === 'opening' && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('archive.viewer.opening')}</Text>
        </Group>
      )}
      {state.step === 'reading' && (
        <Stack gap={4}>
          <Text size="sm">
            {t('archive.viewer.reading', { done: state.progress.done, total: state.progress.total })}
          </Text>
          <Progress value={(state.progress.done / Math.max(1, state.progress.total)) * 100} />
        </Stack>
      )}
      {state.step === 'failed' && (
        <Alert color="red" data-testid="archive-viewer-error">
          {state.message}
        </Alert>
      )}
      {state.step === 'open' && (
        <>
          <Group gap="sm" wrap="nowrap" data-testid="archive-viewer-integrity">
            <Badge color="teal" variant="light" leftSection={<IconShieldCheck size={14} />}>
              {t('archive.viewer.verified')}
            </Badge>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {state.read.fileName} · {format.bytes(state.read.size)} · SHA-256
            </Text>
            <Code fz="xs" style={{ overflowWrap: 'anywhere' }} data-testid="archive-viewer-sha256">
              {state.read.sha256}
            </Code>
          </Group>
          <Content file={file} mediaType={state.read.mediaType} bytes={state.bytes} />
        </>
      )}
    </Stack>
  );
}

function Content({
  file,
  mediaType,
  bytes,
}: {
  file: ArchiveFileInfo;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}) {
  const { t } = useTranslation();
  if (mediaType === 'application/pdf') return <PdfView bytes={bytes} />;
  if (mediaType.startsWith('image/')) return <ImageView bytes={bytes} mediaType={mediaType} />;
  if (mediaType === 'application/json' || file.fileName.endsWith('.json')) return <RecordView bytes={bytes} />;
  return <Alert color="blue">{t('archive.viewer.notViewable')}</Alert>;
}
