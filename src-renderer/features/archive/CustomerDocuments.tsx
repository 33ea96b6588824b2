/**
 * 客户资料 on a guest's profile, a booking or a complaint ticket: the customer documents attached
 * to it (a guest's written authorisation of a change, an ID copy …), uploading one (with
 * `archive.customer.attach`), and opening one (with `archive.customer.read`, after typing the
 * password again when the last confirmation is older than the policy's minutes).
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ArchiveSubjectType } from '@shared/contract/archive';
import { call } from '../../api/client';
import { useCan } from '../../api/session';
import { useCall } from '../../api/use-call';
import { useFormat } from '../../i18n/format';
import { useArchiveErrorText } from './archive-errors';
import { FileActions } from './FileActions';
import { FileUploadForm } from './FileUploadForm';

interface Subject {
  subjectType: ArchiveSubjectType;
  subjectId: string;
}

export function CustomerDocuments(subject: Subject) {
  const can = useCan();
  if (!can('archive.customer.attach') && !can('archive.customer.read')) return null;
  return <Documents {...subject} />;
}

function Documents(subject: Subject) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const errorText = useArchiveErrorText();
  const list = useCall('archive.attachments', subject);
  const [adding, setAdding] = useState(false);
  const mayRead = can('archive.customer.read');
  const documents = list.data ?? [];
  // Compact (a title line, then a line per document): it sits in drawers and the complaint dialog.
  return (
    <Stack gap={6} data-testid="customer-documents">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {t('archive.attachments.title')}
          </Text>
          {list.data && documents.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('archive.attachments.empty')}
            </Text>
          )}
        </Group>
        {can('archive.customer.attach') && (
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconUpload size={14} />}
            onClick={() => setAdding(true)}
            data-testid="customer-documents-add"
          >
            {t('archive.attachments.add')}
          </Button>
        )}
      </Group>
      {list.isError && <Alert color="red">{errorText(list.error)}</Alert>}
      {documents.map((document) => (
        <Group key={document.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="customer-document-row">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate>
              {document.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {[
                document.latest.fileName,
                format.bytes(document.latest.size),
                document.latest.uploadedBy.name,
                format.dateTime(document.latest.uploadedAt),
              ].join(' · ')}
            </Text>
          </div>
          {mayRead ? (
            <FileActions file={document.latest} name={document.name} mayRead testId="customer-document" />
          ) : (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('archive.attachments.noRead')}
            </Text>
          )}
        </Group>
      ))}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('archive.attachments.addTitle')} centered>
        {adding && <AttachForm subject={subject} onClose={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}

function AttachForm({ subject, onClose }: { subject: Subject; onClose: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [titleProblem, setTitleProblem] = useState<string | null>(null);
  const checkTitle = () => {
    const problem = title.trim() ? null : t('validation.required');
    setTitleProblem(problem);
    return problem === null;
  };
  return (
    <FileUploadForm
      tier="customer"
      testId="customer-document"
      checkFields={checkTitle}
      fileUpload={(uploadId) => call('archive.attach', { ...subject, uploadId, title: title.trim() })}
      doneMessage={t('archive.attachments.added')}
      onClose={onClose}
    >
      <TextInput
        label={t('archive.attachments.columns.title')}
        placeholder={t('archive.attachments.titleHint')}
        withAsterisk
        value={title}
        error={titleProblem}
        onChange={(event) => setTitle(event.currentTarget.value)}
        maxLength={120}
        data-autofocus
        data-testid="customer-document-title"
      />
    </FileUploadForm>
  );
}
