/** Saving a setup record: the form's submit, then every inventory view refreshed (a room or price shows in several). */
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../../ui/use-form-submit';
import { inventoryKeys } from '../queries';

export function useSetupSubmit<Values, Result>(form: UseFormReturnType<Values>, mutationFn: (values: Values) => Promise<Result>, onDone: () => void, fieldLabels?: Record<string, string>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useFormSubmit(form, {
    mutationFn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: inventoryKeys.root });
      notifications.show({ color: 'teal', message: t('common.saved') });
      onDone();
    },
    fieldLabels,
  });
}
