/** The vault's state on this desk, read by the settings section and the shell's banner. */
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-client';

export function useVaultStatus() {
  return useQuery({ queryKey: queryKeys.vault, queryFn: () => call('vault.status', {}) });
}
