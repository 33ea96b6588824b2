/** A contract's status as read at the desk: in force past its expiry date (by the business date, as the desk lists them) reads 已到期. */
import { Badge } from '@mantine/core';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import type { ContractFields } from '@shared/contract/archive';
import { useFormat } from '../../i18n/format';
import { useBusinessDate } from '../bookings/business-day';

export type ContractState = ContractFields['status'] | 'expired';

export function contractState(contract: ContractFields, today: string): ContractState {
  return contract.status === 'in_force' && contract.expiresOn !== null && contract.expiresOn < today
    ? 'expired'
    : contract.status;
}

/** The desk's business date (what the archive's lists and reminders go by), the property's calendar date until it loads. */
export function useArchiveToday(): string {
  const { zone } = useFormat();
  const businessDate = useBusinessDate();
  return businessDate ?? (zone ? DateTime.now().setZone(zone) : DateTime.now()).toISODate()!;
}

const COLORS: Record<ContractState, string> = { draft: 'gray', in_force: 'teal', terminated: 'dark', expired: 'red' };

export function ContractStateBadge({ contract }: { contract: ContractFields }) {
  const { t } = useTranslation();
  const state = contractState(contract, useArchiveToday());
  return (
    <Badge color={COLORS[state]} variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`archive.contracts.statuses.${state}`)}
    </Badge>
  );
}
