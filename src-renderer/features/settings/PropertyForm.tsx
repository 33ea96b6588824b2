/** The property's name, time zone, currency, idle lock and longest stay → property.update. */
import { Button, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations, type Property } from '@shared/contract';
import { STAY_NIGHTS_LIMIT } from '@shared/rules/stay';
import { FormError } from '../../ui/FormError';
import { useFormCall } from '../../ui/use-form-submit';
import { CurrencySelect, TimeZoneSelect } from './PropertyFields';

export function PropertyForm({ property }: { property: Property }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      name: property.name,
      timeZone: property.timeZone,
      currency: property.currency,
      idleLockMinutes: property.idleLockMinutes,
      maxStayNights: property.maxStayNights,
    },
    validate: zod4Resolver(operations['property.update'].input),
  });

  const save = useFormCall(form, 'property.update', {
    input: (values: typeof form.values) => values,
    onSuccess: (saved) => {
      form.resetDirty({
        name: saved.name,
        timeZone: saved.timeZone,
        currency: saved.currency,
        idleLockMinutes: saved.idleLockMinutes,
        maxStayNights: saved.maxStayNights,
      });
      notifications.show({ color: 'teal', message: t('settings.propertySaved') });
    },
  });

  return (
    <form noValidate onSubmit={save.onSubmit}>
      <Stack>
        <TextInput
          label={t('settings.name')}
          data-autofocus
          data-testid="settings-name"
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TimeZoneSelect
            label={t('settings.timeZone')}
            data-testid="settings-time-zone"
            {...form.getInputProps('timeZone')}
          />
          <CurrencySelect
            label={t('settings.currency')}
            data-testid="settings-currency"
            {...form.getInputProps('currency')}
          />
          <NumberInput
            label={t('settings.idleLockMinutes')}
            min={1}
            max={240}
            allowDecimal={false}
            data-testid="settings-idle-lock"
            {...form.getInputProps('idleLockMinutes')}
          />
          <NumberInput
            label={t('settings.maxStayNights')}
            min={1}
            max={STAY_NIGHTS_LIMIT}
            allowDecimal={false}
            data-testid="settings-max-stay"
            {...form.getInputProps('maxStayNights')}
          />
        </SimpleGrid>
        <FormError message={save.error} testId="settings-property-error" />
        <Group justify="flex-end">
          <Button type="submit" loading={save.pending} disabled={!form.isDirty()} data-testid="settings-property-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
