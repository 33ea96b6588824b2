/** A staff mutation that refreshes the list (and the session, whose user may be the one changed). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffMember } from '@shared/contract';
import { queryKeys } from '../../api/query-client';

export function useStaffMutation<Vars>(mutationFn: (vars: Vars) => Promise<StaffMember>, handlers: { onSuccess: (member: StaffMember) => void; onError: (error: unknown) => void }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (member) => {
      void client.invalidateQueries({ queryKey: queryKeys.staff });
      void client.invalidateQueries({ queryKey: queryKeys.session });
      handlers.onSuccess(member);
    },
    onError: handlers.onError,
  });
}
