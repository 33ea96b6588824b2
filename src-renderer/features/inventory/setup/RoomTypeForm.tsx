/** Creating or editing a room type: code, name (and its English name for vouchers), capacity and the base (weekday) rate in yuan. */
import { NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type RoomType } from '@shared/contract';
import { ModalForm } from '../../../ui/ModalForm';
import { YuanInput } from '../../../ui/money';
import { useSetupSubmit } from './use-setup-submit';

export function RoomTypeForm({ roomType, onClose }: { roomType: RoomType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      id: roomType?.id,
      code: roomType?.code ?? '',
      name: roomType?.name ?? '',
      nameEn: roomType?.nameEn ?? '',
      capacity: roomType?.capacity ?? 2,
      baseRateFen: roomType?.baseRateFen ?? 0,
    },
    validate: zod4Resolver(operations['roomTypes.save'].input),
  });
  const save = useSetupSubmit(form, 'roomTypes.save', onClose);

  return (
    <ModalForm
      onSubmit={save.onSubmit}
      onCancel={onClose}
      error={save.error}
      pending={save.pending}
      errorTestId="room-type-form-error"
      submitTestId="room-type-form-submit"
    >
      <SimpleGrid cols={2}>
        <TextInput
          label={t('inventory.setup.code')}
          description={t('inventory.setup.codeHint')}
          data-autofocus
          data-testid="room-type-form-code"
          {...form.getInputProps('code')}
        />
        <TextInput
          label={t('inventory.setup.name')}
          data-testid="room-type-form-name"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('inventory.setup.nameEn')}
          description={t('inventory.setup.nameEnHint')}
          lang="en"
          data-testid="room-type-form-name-en"
          {...form.getInputProps('nameEn')}
        />
        <NumberInput
          label={t('inventory.setup.capacity')}
          min={1}
          max={20}
          allowDecimal={false}
          data-testid="room-type-form-capacity"
          {...form.getInputProps('capacity')}
        />
        <YuanInput
          label={t('inventory.setup.baseRate')}
          data-testid="room-type-form-rate"
          {...form.getInputProps('baseRateFen')}
        />
      </SimpleGrid>
    </ModalForm>
  );
}
