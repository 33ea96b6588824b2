/** What a member may redeem for a stay arriving then; waits until the member is known. */
import { useCall } from '../../api/use-call';

export function usePointsCheck(memberId: string | null | undefined, arrival: string) {
  return useCall(
    'members.pointsCheck',
    { memberId: memberId ?? '', arrival },
    { enabled: Boolean(memberId) && arrival !== '' },
  );
}
