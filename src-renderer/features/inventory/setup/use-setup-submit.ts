/** Saving a setup record: the form's submit, then a note that it was saved and the editor closed. */
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../../ui/use-form-submit';

export function useSetupSubmit<Values, Result>(form: UseFormReturnType<Values>, mutationFn: (values: Values) => Promise<Result>, onDone: () => void, fieldLabels?: Record<string, string>) {
  const { t } = useTranslation();
  return useFormSubmit(form, {
    mutationFn,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common.saved') });
      onDone();
    },
    fieldLabels,
  });
}
