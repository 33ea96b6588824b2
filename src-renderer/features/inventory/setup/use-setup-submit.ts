/** Saving a setup record: the form sent as its save operation, then a note that it was saved and the editor closed. */
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { useFormCall } from '../../../ui/use-form-submit';

type SaveOperation = 'roomTypes.save' | 'ratePlans.save' | 'rooms.save' | 'ticketProducts.save';

export function useSetupSubmit<N extends SaveOperation, Values extends InputOf<N>>(
  form: UseFormReturnType<Values>,
  operation: N,
  onDone: () => void,
  fieldLabels?: Record<string, string>,
) {
  const { t } = useTranslation();
  return useFormCall(form, operation, {
    input: (values) => values,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('common.saved') });
      onDone();
    },
    fieldLabels,
  });
}
