/** A rate plan's form values (the contract's input, prices without their stored ids) and a new price row. */
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { operations, type Channel, type RatePlan } from '@shared/contract';
import { FREE_POLICY, type CancellationPolicy } from '@shared/rules/cancellation';
import { ALL_WEEKDAYS } from '@shared/rules/stay';

// Type aliases rather than interfaces: the zod resolver wants values indexable by field name.
export type PriceValues = {
  roomTypeId: string;
  startDate: string;
  endDate: string;
  weekdays: number;
  priceFen: number;
};

export type RatePlanValues = {
  id: string | undefined;
  code: string;
  name: string;
  /** Blank: an English voucher uses the Chinese name. */
  nameEn: string;
  memberOnly: boolean;
  channels: Channel[];
  prices: PriceValues[];
  /** A new plan starts free to cancel, as the service would default it. */
  cancellationPolicy: CancellationPolicy;
};

export function useRatePlanForm(plan: RatePlan | null) {
  return useForm<RatePlanValues>({
    initialValues: {
      id: plan?.id,
      code: plan?.code ?? '',
      name: plan?.name ?? '',
      nameEn: plan?.nameEn ?? '',
      memberOnly: plan?.memberOnly ?? false,
      channels: plan?.channels ?? ['walk_in', 'phone'],
      cancellationPolicy: plan?.cancellationPolicy ?? FREE_POLICY,
      prices: (plan?.prices ?? []).map(({ roomTypeId, startDate, endDate, weekdays, priceFen }) => ({
        roomTypeId,
        startDate,
        endDate,
        weekdays,
        priceFen,
      })),
    },
    validate: zod4Resolver(operations['ratePlans.save'].input),
  });
}

/** A new row continues from the last one (same dates), which is how prices are usually typed: type by type. */
export function nextPrice(prices: PriceValues[], firstRoomTypeId: string, today: string): PriceValues {
  const last = prices.at(-1);
  return last
    ? { ...last, priceFen: 0 }
    : { roomTypeId: firstRoomTypeId, startDate: today, endDate: today, weekdays: ALL_WEEKDAYS, priceFen: 0 };
}
