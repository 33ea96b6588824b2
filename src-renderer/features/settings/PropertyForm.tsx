/**
 * The property's name, time zone, currency, idle lock and longest stay, and what its vouchers print
 * (address, phone, check-in and check-out times) → property.update.
 */
import { Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
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
      address: property.address ?? '',
      phone: property.phone ?? '',
      checkInTime: property.checkInTime,
      checkOutTime: property.checkOutTime,
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
        address: saved.address ?? '',
        phone: saved.phone ?? '',
        checkInTime: saved.checkInTime,
        checkOutTime: saved.checkOutTime,
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
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput
            label={t('settings.address')}
            data-testid="settings-address"
            style={{ gridColumn: 'span 2' }}
            {...form.getInputProps('address')}
          />
          <TextInput label={t('settings.phone')} data-testid="settings-phone" {...form.getInputProps('phone')} />
          <Group grow gap="xs" align="flex-start">
            <TextInput
              label={t('settings.checkInTime')}
              placeholder="14:00"
              maxLength={5}
              data-testid="settings-check-in-time"
              {...form.getInputProps('checkInTime')}
            />
            <TextInput
              label={t('settings.checkOutTime')}
              placeholder="12:00"
              maxLength={5}
              data-testid="settings-check-out-time"
              {...form.getInputProps('checkOutTime')}
            />
          </Group>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-8}>
          {t('settings.voucherHint')}
        </Text>
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
