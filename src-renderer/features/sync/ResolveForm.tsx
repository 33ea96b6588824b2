/**
 * 处理 a conflict: what it is about (its kind and detail, as the table says it), one of the options
 * the server allows for its kind, a room type where the guest moves, the guest informed before a
 * cancellation, and a note for the record.
 */
import { useMemo } from 'react';
import { Checkbox, Paper, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { operations, type ConflictView } from '@shared/contract';
import type { ConflictResolution } from '@shared/sync/conflicts';
import { ModalForm } from '../../ui/ModalForm';
import { useFormCall } from '../../ui/use-form-submit';
import { useConflictText } from './use-conflict-text';
import { useCall } from '../../api/use-call';
import { nameIn } from '../../i18n/use-local-names';

const fields = operations['conflicts.resolve'].input.shape;

function needsRoomType(resolution: ConflictResolution): boolean {
  return resolution === 'move' || resolution === 'upgrade';
}

export function ResolveForm({ conflict, onClose }: { conflict: ConflictView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const roomTypes = useCall('roomTypes.list', {});
  const text = useConflictText();
  const outcome = text.outcome(conflict);
  const schema = useMemo(
    () =>
      z
        .object({
          resolution: fields.resolution,
          roomTypeId: z.string().nullable(),
          note: fields.note,
          guestInformed: z.boolean(),
        })
        .refine((values) => !needsRoomType(values.resolution) || values.roomTypeId !== null, {
          path: ['roomTypeId'],
          error: t('validation.required'),
        })
        .refine((values) => values.resolution !== 'cancel' || values.guestInformed, {
          path: ['guestInformed'],
          error: t('sync.resolve.guestInformedRequired'),
        }),
    [t],
  );
  const form = useForm({
    initialValues: {
      resolution: conflict.options[0]!,
      roomTypeId: null as string | null,
      note: '',
      guestInformed: false,
    },
    validate: zod4Resolver(schema),
  });
  const resolve = useFormCall(form, 'conflicts.resolve', {
    input: ({ resolution, roomTypeId, note, guestInformed }) => ({
      id: conflict.id,
      resolution,
      roomTypeId: needsRoomType(resolution) ? (roomTypeId ?? undefined) : undefined,
      note,
      guestInformed: resolution === 'cancel' && guestInformed,
    }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('sync.resolve.done') });
      onClose();
    },
    fieldLabels: {
      roomTypeId: t('sync.resolve.roomType'),
      note: t('sync.resolve.note'),
      guestInformed: t('sync.resolve.guestInformed'),
    },
  });
  const { resolution } = form.values;
  // Moving or upgrading to the room type that is oversold would not resolve anything.
  const soldOut = conflict.detail['roomTypeId'];
  const roomTypeOptions = (roomTypes.data ?? [])
    .filter((type) => type.id !== soldOut)
    .map((type) => ({ value: type.id, label: `${type.code} · ${nameIn(i18n.language, type)}` }));
  return (
    <ModalForm
      onSubmit={resolve.onSubmit}
      onCancel={onClose}
      error={resolve.error}
      pending={resolve.pending}
      errorTestId="conflict-resolve-error"
      submitTestId="conflict-resolve-submit"
    >
      <Paper withBorder p="sm" radius="md" data-testid="conflict-resolve-summary">
        <Text size="sm" fw={600}>
          {t(`sync.conflicts.kinds.${conflict.kind}`)}
          {conflict.guestName && ` · ${conflict.guestName}`}
        </Text>
        <Text size="sm">{text.detail(conflict)}</Text>
        {outcome && (
          <Text size="xs" c="dimmed">
            {outcome}
          </Text>
        )}
      </Paper>
      <Radio.Group label={t('sync.resolve.option')} {...form.getInputProps('resolution')}>
        <Stack gap="xs" mt={6}>
          {conflict.options.map((option) => (
            <Radio
              key={option}
              value={option}
              label={t(`sync.resolve.options.${option}`)}
              data-testid={`conflict-option-${option}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      {needsRoomType(resolution) && (
        <Select
          label={t('sync.resolve.roomType')}
          data={roomTypeOptions}
          searchable
          nothingFoundMessage={t('common.searchNothing')}
          data-testid="conflict-room-type"
          {...form.getInputProps('roomTypeId')}
        />
      )}
      {resolution === 'cancel' && (
        <Checkbox
          label={t('sync.resolve.guestInformed')}
          data-testid="conflict-guest-informed"
          {...form.getInputProps('guestInformed', { type: 'checkbox' })}
        />
      )}
      <Textarea
        label={t('sync.resolve.note')}
        description={t('sync.resolve.noteHint')}
        autosize
        minRows={2}
        data-autofocus
        data-testid="conflict-note"
        {...form.getInputProps('note')}
      />
    </ModalForm>
  );
}
