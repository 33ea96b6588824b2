/**
 * A form that uploads one file, sealed a chunk at a time, and then files it: the form's own fields
 * (given as children, checked by `checkFields`), the file, progress with cancel, the error, cancel
 * and submit. Used to attach a customer document and to add a contract's new version.
 */
import { useState, type ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ArchiveTier } from '@shared/contract/archive';
import { FormError } from '../../ui/FormError';
import { useArchiveErrorText } from './archive-errors';
import { UploadField, UploadProgressBar, useFileError, useUpload } from './UploadField';
import { useArchivePolicy } from './use-policy';

interface FileUploadFormProps {
  tier: Extract<ArchiveTier, 'contract' | 'customer'>;
  /** Prefix of the test ids: `<testId>-file`, `-error`, `-submit`. */
  testId: string;
  /** Checks the form's own fields and shows their problems; false stops the submission. */
  checkFields?: () => boolean;
  /** Files the complete upload. */
  fileUpload: (uploadId: string) => Promise<unknown>;
  /** Said once the file is filed. */
  doneMessage: string;
  onClose: () => void;
  children?: ReactNode;
}

export function FileUploadForm({
  tier,
  testId,
  checkFields = () => true,
  fileUpload,
  doneMessage,
  onClose,
  children,
}: FileUploadFormProps) {
  const { t } = useTranslation();
  const policy = useArchivePolicy();
  const fileError = useFileError(policy);
  const errorText = useArchiveErrorText();
  const { upload, cancel, reset, progress } = useUpload(tier);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const refused = fileError(file);
    const fieldsOk = checkFields();
    setProblem(refused);
    setError(null);
    if (refused || !fieldsOk || !file) return;
    setBusy(true);
    try {
      await fileUpload(await upload(file));
      notifications.show({ color: 'teal', message: doneMessage });
      onClose();
    } catch (thrown) {
      reset();
      setError(errorText(thrown));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      {children}
      <UploadField
        value={file}
        onChange={(next) => {
          setFile(next);
          setProblem(next && fileError(next));
        }}
        policy={policy}
        error={problem}
        disabled={busy}
        testId={`${testId}-file`}
      />
      {progress && <UploadProgressBar progress={progress} file={file} onCancel={busy ? cancel : null} />}
      <FormError message={error} testId={`${testId}-error`} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button loading={busy} onClick={() => void submit()} data-testid={`${testId}-submit`}>
          {t('archive.upload.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
