/** An image drawn from bytes in memory onto a canvas (decoded with createImageBitmap: no URL, not even a blob: one). */
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ImageView({ bytes, mediaType }: { bytes: Uint8Array<ArrayBuffer>; mediaType: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    createImageBitmap(new Blob([bytes], { type: mediaType }))
      .then((bitmap) => {
        const target = canvas.current;
        if (cancelled || !target) return bitmap.close();
        target.width = bitmap.width;
        target.height = bitmap.height;
        target.getContext('2d')?.drawImage(bitmap, 0, 0);
        bitmap.close();
      })
      .catch((error: unknown) => {
        console.error(error);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [bytes, mediaType]);
  if (failed) return <Alert color="red">{t('archive.viewer.renderFailed')}</Alert>;
  return (
    <div
      style={{
        maxHeight: '72vh',
        overflow: 'auto',
        textAlign: 'center',
        background: 'var(--mantine-color-gray-light)',
        padding: 8,
      }}
    >
      <canvas
        ref={canvas}
        data-testid="archive-image-canvas"
        style={{ maxWidth: '100%', background: 'white', boxShadow: 'var(--mantine-shadow-sm)' }}
      />
    </div>
  );
}
