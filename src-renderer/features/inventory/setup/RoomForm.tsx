/** Creating or editing a room: number, floor, room type and its features (free tags, e.g. 湖景). */
import { NumberInput, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../i18n/use-local-names';
import { operations, type Room, type RoomType } from '@shared/contract';
import { ModalForm } from '../../../ui/ModalForm';
import { useSetupSubmit } from './use-setup-submit';

interface RoomFormProps {
  room: Room | null;
  roomTypes: RoomType[];
  /** Features already used on other rooms, offered while typing. */
  knownFeatures: string[];
  onClose: () => void;
}

export function RoomForm({ room, roomTypes, knownFeatures, onClose }: RoomFormProps) {
  const { t, i18n } = useTranslation();
  const form = useForm({
    initialValues: {
      id: room?.id,
      number: room?.number ?? '',
      floor: room?.floor ?? 1,
      roomTypeId: room?.roomTypeId ?? roomTypes[0]?.id ?? '',
      features: room?.features ?? [],
    },
    validate: zod4Resolver(operations['rooms.save'].input),
  });
  const save = useSetupSubmit(form, 'rooms.save', onClose);

  return (
    <ModalForm
      onSubmit={save.onSubmit}
      onCancel={onClose}
      error={save.error}
      pending={save.pending}
      errorTestId="room-form-error"
      submitTestId="room-form-submit"
    >
      <SimpleGrid cols={2}>
        <TextInput
          label={t('inventory.setup.roomNumber')}
          data-autofocus
          data-testid="room-form-number"
          {...form.getInputProps('number')}
        />
        <NumberInput
          label={t('inventory.setup.floor')}
          min={-5}
          max={200}
          allowDecimal={false}
          data-testid="room-form-floor"
          {...form.getInputProps('floor')}
        />
      </SimpleGrid>
      <Select
        label={t('inventory.setup.roomType')}
        allowDeselect={false}
        data={roomTypes.map((type) => ({ value: type.id, label: `${type.code} · ${nameIn(i18n.language, type)}` }))}
        data-testid="room-form-type"
        {...form.getInputProps('roomTypeId')}
      />
      <TagsInput
        label={t('inventory.setup.features')}
        description={t('inventory.setup.featuresHint')}
        data={knownFeatures}
        maxTags={20}
        data-testid="room-form-features"
        {...form.getInputProps('features')}
      />
    </ModalForm>
  );
}
