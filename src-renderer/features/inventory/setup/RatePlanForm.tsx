/** Creating or editing a rate plan: code, name, who may book it (channels, members only), its prices and cancellation policy. */
import { Chip, Group, Input, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type RatePlan, type RoomType } from '@shared/contract';
import { ModalForm } from '../../../ui/ModalForm';
import { PolicyEditor } from '../../cancellations/PolicyEditor';
import { PriceRows } from './PriceRows';
import { useRatePlanForm } from './rate-plan-form';
import { useSetupSubmit } from './use-setup-submit';

interface RatePlanFormProps {
  plan: RatePlan | null;
  roomTypes: RoomType[];
  today: string;
  onClose: () => void;
}

export function RatePlanForm({ plan, roomTypes, today, onClose }: RatePlanFormProps) {
  const { t } = useTranslation();
  const form = useRatePlanForm(plan);
  const save = useSetupSubmit(form, 'ratePlans.save', onClose);

  return (
    <ModalForm
      onSubmit={save.onSubmit}
      onCancel={onClose}
      error={save.error}
      pending={save.pending}
      errorTestId="rate-plan-form-error"
      submitTestId="rate-plan-form-submit"
    >
      <SimpleGrid cols={4}>
        <TextInput
          label={t('inventory.setup.code')}
          description={t('inventory.setup.codeHint')}
          data-autofocus
          data-testid="rate-plan-form-code"
          {...form.getInputProps('code')}
        />
        <TextInput
          label={t('inventory.setup.name')}
          data-testid="rate-plan-form-name"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('inventory.setup.nameEn')}
          description={t('inventory.setup.nameEnHint')}
          lang="en"
          data-testid="rate-plan-form-name-en"
          {...form.getInputProps('nameEn')}
        />
        <Switch
          mt={30}
          label={t('inventory.setup.memberOnly')}
          data-testid="rate-plan-form-member-only"
          {...form.getInputProps('memberOnly', { type: 'checkbox' })}
        />
      </SimpleGrid>
      <Input.Wrapper
        label={t('inventory.setup.channels')}
        error={form.errors['channels'] && t('inventory.setup.pickChannels')}
      >
        <Chip.Group
          multiple
          value={form.values.channels}
          onChange={(value) => form.setFieldValue('channels', value as RatePlan['channels'])}
        >
          <Group gap="xs" mt={4}>
            {CHANNELS.map((channel) => (
              <Chip key={channel} value={channel} size="sm" data-testid={`rate-plan-channel-${channel}`}>
                {t(`inventory.channels.${channel}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <Input.Wrapper label={t('inventory.setup.prices')} description={t('inventory.setup.pricesHint')}>
        <PriceRows form={form} roomTypes={roomTypes} today={today} />
      </Input.Wrapper>
      <PolicyEditor
        value={form.values.cancellationPolicy}
        onChange={(policy) => form.setFieldValue('cancellationPolicy', policy)}
        subject="stay"
        errors={form.errors}
        path="cancellationPolicy"
      />
    </ModalForm>
  );
}
