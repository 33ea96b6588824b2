/**
 * Picking a file to archive, and the upload's progress: the file is checked against the policy
 * (size, type) before anything is sent; while it uploads, a bar counts the encrypted chunks and
 * a button stops it between two chunks.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, FileInput, Group, Progress, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { UPLOADABLE_TYPES, type ArchivePolicy, type ArchiveTier } from '@shared/contract/archive';
import { useFormat } from '../../i18n/format';
import { fileProblem, uploadFile, type Progress as UploadProgress } from './transfer';

const ACCEPT = [...UPLOADABLE_TYPES, '.doc', '.docx', '.xls', '.xlsx'].join(',');

interface UploadFieldProps {
  value: File | null;
  onChange: (file: File | null) => void;
  policy: ArchivePolicy;
  error?: React.ReactNode;
  disabled?: boolean;
  testId: string;
}

export function UploadField({ value, onChange, policy, error, disabled, testId }: UploadFieldProps) {
  const { t } = useTranslation();
  return (
    <FileInput
      label={t('archive.file.label')}
      description={t('archive.file.hint', { maxMb: policy.maxFileMb })}
      placeholder={t('archive.file.choose')}
      leftSection={<IconPaperclip size={16} />}
      accept={ACCEPT}
      clearable
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
      withAsterisk
      data-testid={testId}
    />
  );
}

/** The form error for a picked file, or null when it may be uploaded. */
export function useFileError(policy: ArchivePolicy): (file: File | null) => string | null {
  const { t } = useTranslation();
  return useCallback(
    (file: File | null) => {
      if (!file) return t('archive.file.required');
      const problem = fileProblem(file, policy);
      return problem && t(`archive.file.problems.${problem}`, { maxMb: policy.maxFileMb });
    },
    [t, policy],
  );
}

/** Uploads a file for a tier with a progress and a cancel; an upload still running when the form unmounts is stopped. */
export function useUpload(tier: Extract<ArchiveTier, 'contract' | 'customer'>) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const upload = useCallback(
    async (file: File): Promise<string> => {
      const controller = new AbortController();
      running.current = controller;
      setProgress({ done: 0, total: 1 });
      try {
        return await uploadFile(file, tier, setProgress, controller.signal);
      } finally {
        running.current = null;
      }
    },
    [tier],
  );
  const cancel = useCallback(() => running.current?.abort(), []);
  const reset = useCallback(() => setProgress(null), []);
  return { upload, cancel, reset, progress };
}

export function UploadProgressBar({
  progress,
  file,
  onCancel,
}: {
  progress: UploadProgress;
  file: File | null;
  onCancel: (() => void) | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100);
  return (
    <div data-testid="archive-upload-progress">
      <Group justify="space-between" mb={4}>
        <Text size="sm">
          {t('archive.upload.progress', { done: progress.done, total: progress.total })}
          {file && ` · ${format.bytes(file.size)}`}
        </Text>
        {onCancel && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={onCancel} data-testid="archive-upload-cancel">
            {t('archive.upload.cancel')}
          </Button>
        )}
      </Group>
      <Progress value={percent} animated={percent < 100} />
    </div>
  );
}
