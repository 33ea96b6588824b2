/**
 * A PDF drawn by pdf.js from bytes in memory: one page at a time on a canvas (no text or link
 * layer, so nothing in the document can navigate), fitted to the width, with page and zoom controls.
 */
import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PdfDocument } from './pdf-document';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export function PdfView({ bytes }: { bytes: Uint8Array }) {
  const { t } = useTranslation();
  const [document, setDocument] = useState<PdfDocument | null>(null);
  const [failed, setFailed] = useState(false);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(2);
  const [rendered, setRendered] = useState<string | null>(null);
  const { ref: frame, width } = useElementSize();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | null = null;
    import('./pdf-document')
      .then(({ loadPdf }) => {
        if (cancelled) return null;
        const loading = loadPdf(bytes);
        destroy = loading.destroy;
        return loading.promise;
      })
      .then((loaded) => {
        if (!cancelled && loaded) setDocument(loaded);
      })
      .catch((error: unknown) => {
        console.error(error);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [bytes]);

  useEffect(() => {
    const target = canvas.current;
    if (!document || !target || width === 0) return;
    let cancelled = false;
    let cancel: (() => void) | null = null;
    document
      .getPage(page)
      .then((pdfPage) => {
        if (cancelled) return;
        const ratio = window.devicePixelRatio || 1;
        const fit = (width - 16) / pdfPage.getViewport({ scale: 1 }).width;
        const viewport = pdfPage.getViewport({ scale: fit * ZOOMS[zoom]! * ratio });
        target.width = Math.floor(viewport.width);
        target.height = Math.floor(viewport.height);
        target.style.width = `${Math.floor(viewport.width / ratio)}px`;
        target.style.height = `${Math.floor(viewport.height / ratio)}px`;
        const task = pdfPage.render({ canvas: target, viewport });
        cancel = () => task.cancel();
        return task.promise.then(() => {
          if (!cancelled) setRendered(`${page}:${zoom}`);
        });
      })
      .catch((error: unknown) => {
        if ((error as { name?: string } | null)?.name === 'RenderingCancelledException') return;
        console.error(error);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      cancel?.();
    };
  }, [document, page, zoom, width]);

  if (failed) return <Alert color="red">{t('archive.viewer.renderFailed')}</Alert>;
  const pages = document?.numPages ?? 0;
  return (
    <Stack gap="xs">
      <Group justify="center" gap="xs">
        <ActionIcon
          variant="default"
          disabled={page <= 1}
          onClick={() => setPage(page - 1)}
          aria-label={t('archive.viewer.previous')}
          data-testid="archive-pdf-previous"
        >
          <IconChevronLeft size={16} />
        </ActionIcon>
        <Text size="sm" miw={110} ta="center" data-testid="archive-pdf-page">
          {pages > 0 ? t('archive.viewer.page', { page, pages }) : '…'}
        </Text>
        <ActionIcon
          variant="default"
          disabled={page >= pages}
          onClick={() => setPage(page + 1)}
          aria-label={t('archive.viewer.next')}
          data-testid="archive-pdf-next"
        >
          <IconChevronRight size={16} />
        </ActionIcon>
        <ActionIcon
          variant="default"
          ml="md"
          disabled={zoom === 0}
          onClick={() => setZoom(zoom - 1)}
          aria-label={t('archive.viewer.zoomOut')}
          data-testid="archive-pdf-zoom-out"
        >
          <IconZoomOut size={16} />
        </ActionIcon>
        <Text size="sm" miw={48} ta="center" data-testid="archive-pdf-zoom">
          {Math.round(ZOOMS[zoom]! * 100)}%
        </Text>
        <ActionIcon
          variant="default"
          disabled={zoom === ZOOMS.length - 1}
          onClick={() => setZoom(zoom + 1)}
          aria-label={t('archive.viewer.zoomIn')}
          data-testid="archive-pdf-zoom-in"
        >
          <IconZoomIn size={16} />
        </ActionIcon>
      </Group>
      <div
        ref={frame}
        style={{
          height: '68vh',
          overflow: 'auto',
          background: 'var(--mantine-color-gray-light)',
          padding: 8,
          textAlign: 'center',
        }}
      >
        {!document && <Loader size="sm" m="md" />}
        <canvas
          ref={canvas}
          data-testid="archive-pdf-canvas"
          data-rendered={rendered ?? undefined}
          style={{
            background: 'white',
            boxShadow: 'var(--mantine-shadow-sm)',
            display: document ? 'inline-block' : 'none',
          }}
        />
      </div>
    </Stack>
  );
}
