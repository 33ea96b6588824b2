/**
 * Before anything else: asks the host whether the desk database opened. When it did not, the
 * recovery screen takes the whole window; once a restore succeeds, every cached answer is
 * dropped and the app starts as usual (sign-in).
 */
import type { ReactNode } from 'react';
import { useCall } from '../../api/use-call';
import { PageLoader } from '../../ui/CenteredPage';
import { RecoveryScreen } from './RecoveryScreen';

export function RecoveryGate({ children }: { children: ReactNode }) {
  const status = useCall('recovery.status', {});
  if (status.isPending) return <PageLoader />;
  // A host that cannot answer this cannot answer the rest either: the next screen shows that error.
  if (status.data?.problem)
    return <RecoveryScreen status={status.data} rescan={() => void status.refetch()} rescanning={status.isFetching} />;
  return children;
}
