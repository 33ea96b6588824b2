/** A staff form's submit, which also refreshes the list (and the session, whose user may be the one changed). */
import type { UseFormReturnType } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { StaffMember } from '@shared/contract';
import { queryKeys } from '../../api/query-client';
import { useFormSubmit } from '../../ui/use-form-submit';

export function useStaffSubmit<Values>(form: UseFormReturnType<Values>, mutationFn: (values: Values) => Promise<StaffMember>, onSuccess: (member: StaffMember) => void) {
  const client = useQueryClient();
  return useFormSubmit(form, {
    mutationFn,
    onSuccess: (member) => {
      void client.invalidateQueries({ queryKey: queryKeys.staff });
      void client.invalidateQueries({ queryKey: queryKeys.session });
      onSuccess(member);
    },
  });
}
