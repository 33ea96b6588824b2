/** A select of the roles, named in the UI language. */
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@shared/permissions';

export function RoleSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  return (
    <Select allowDeselect={false} {...props} data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
  );
}
