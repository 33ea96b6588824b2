/** A contract's status as read at the desk: in force past its expiry date reads 已到期. */
import { Badge } from '@mantine/core';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import type { ContractFields } from '@shared/contract/archive';
import { useFormat } from '../../i18n/format';

export type ContractState = ContractFields['status'] | 'expired';

export function contractState(contract: ContractFields, today: string): ContractState {
  return contract.status === 'in_force' && contract.expiresOn !== null && contract.expiresOn < today
    ? 'expired'
    : contract.status;
}

/** Today in the property's zone, YYYY-MM-DD. */
export function usePropertyToday(): string {
  const { zone } = useFormat();
  return (zone ? DateTime.now().setZone(zone) : DateTime.now()).toISODate()!;
}

const COLORS: Record<ContractState, string> = { draft: 'gray', in_force: 'teal', terminated: 'dark', expired: 'red' };

export function ContractStateBadge({ contract }: { contract: ContractFields }) {
  const { t } = useTranslation();
  const state = contractState(contract, usePropertyToday());
  return (
    <Badge color={COLORS[state]} variant="light">
      {t(`archive.contracts.statuses.${state}`)}
    </Badge>
  );
}
