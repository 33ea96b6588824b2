/** The property's archive policy (size limit, naming rule, reminder, retention, confirmation minutes), the default until it loads. */
import { DEFAULT_ARCHIVE_POLICY, type ArchivePolicy } from '@shared/contract/archive';
import { useCall } from '../../api/use-call';

export function useArchivePolicy(): ArchivePolicy {
  return useCall('archive.policy', {}).data ?? DEFAULT_ARCHIVE_POLICY;
}
