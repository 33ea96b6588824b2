/** Time zone and currency pickers, shared by the setup wizard and the settings page. */
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currencyOptions, timeZoneOptions } from './property-options';

type PickerProps = Omit<SelectProps, 'data'>;

export function TimeZoneSelect(props: PickerProps) {
  const { t } = useTranslation();
  return (
    <Select
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('common.searchNothing')}
      {...props}
      data={timeZoneOptions}
    />
  );
}

export function CurrencySelect(props: PickerProps) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('common.searchNothing')}
      {...props}
      data={currencyOptions(i18n.language)}
    />
  );
}
