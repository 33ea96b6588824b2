/**
 * What may be done to the booking in its state (canDo decides), as buttons; the chosen one opens
 * its form below them. Only one at a time, so the drawer never holds two half-filled forms.
 */
import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import {
  IconArrowsExchange,
  IconBed,
  IconCash,
  IconCircleX,
  IconDoorEnter,
  IconDoorExit,
  IconEdit,
  IconReceipt,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@shared/contract';
import { canDo, type BookingAction } from '@shared/rules/booking-status';
import { useCan } from '../../../api/session';
import type { DrawerAction } from '../overlays';
import { PrintVoucherButton } from '../print/PrintVoucherButton';
import { AssignRoomForm } from './AssignRoomForm';
import { ChangeForm } from './ChangeForm';
import { CheckInForm } from './CheckInForm';
import { CheckOutPanel } from './CheckOutPanel';
import { MoveRoomForm } from './MoveRoomForm';
import { OverridePriceForm } from './OverridePriceForm';
import { PaymentForm } from './PaymentForm';

/** How an action reads: the day's main steps filled, the rest quiet, cancelling red. */
type Look = 'primary' | 'secondary' | 'destructive';

const BUTTONS: { action: DrawerAction; rule: BookingAction; icon: typeof IconCash; look: Look }[] = [
  { action: 'checkIn', rule: 'checkIn', icon: IconDoorEnter, look: 'primary' },
  { action: 'assignRoom', rule: 'assignRoom', icon: IconBed, look: 'secondary' },
  { action: 'pay', rule: 'pay', icon: IconCash, look: 'primary' },
  { action: 'checkOut', rule: 'checkOut', icon: IconDoorExit, look: 'primary' },
  { action: 'moveRoom', rule: 'moveRoom', icon: IconArrowsExchange, look: 'secondary' },
  { action: 'change', rule: 'change', icon: IconEdit, look: 'secondary' },
  { action: 'overridePrice', rule: 'change', icon: IconReceipt, look: 'secondary' },
  { action: 'cancel', rule: 'cancel', icon: IconCircleX, look: 'destructive' },
];

/** The button's colour for its look; an open form's button is shown pressed. */
function lookProps(look: Look, open: boolean): { variant: string; color?: string } {
  if (look === 'destructive') return { variant: 'outline', color: 'red' };
  if (look === 'primary') return { variant: 'filled' };
  return { variant: open ? 'light' : 'default' };
}

/** `onCancel` opens the cancel dialog, which the drawer holds: it must outlive the status change it causes. */
export function BookingActions({
  booking,
  initial,
  onCancel,
}: {
  booking: Booking;
  initial: DrawerAction | null;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = BUTTONS.filter((button) => can('bookings.manage') && canDo(booking.status, button.rule));
  const [active, setActive] = useState<DrawerAction | null>(allowed.some((b) => b.action === initial) ? initial : null);
  const done = () => setActive(null);

  return (
    <Stack gap="sm">
      <Group gap="xs">
        {allowed.map(({ action, icon: Icon, look }) => (
          <Button
            key={action}
            size="xs"
            {...lookProps(look, active === action)}
            aria-pressed={look === 'destructive' ? undefined : active === action}
            leftSection={<Icon size={14} />}
            onClick={() => {
              if (action === 'cancel') onCancel();
              else setActive(active === action ? null : action);
            }}
            data-testid={`booking-action-${action}`}
          >
            {t(`desk.actions.${action}`)}
          </Button>
        ))}
        <PrintVoucherButton bookingId={booking.id} size="xs" />
      </Group>
      {active === 'checkIn' && <CheckInForm booking={booking} onDone={done} />}
      {active === 'assignRoom' && <AssignRoomForm booking={booking} onDone={done} />}
      {active === 'pay' && <PaymentForm booking={booking} dueFen={null} onDone={done} />}
      {active === 'checkOut' && <CheckOutPanel booking={booking} onDone={done} />}
      {active === 'moveRoom' && <MoveRoomForm booking={booking} onDone={done} />}
      {active === 'change' && <ChangeForm booking={booking} onDone={done} />}
      {active === 'overridePrice' && <OverridePriceForm booking={booking} onDone={done} />}
    </Stack>
  );
}
