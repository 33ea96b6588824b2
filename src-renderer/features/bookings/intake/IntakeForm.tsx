/**
 * The new-booking form, made for the keyboard: focus starts in the guest search; once a guest is
 * picked it jumps to the room type (a walk-in's channel, arrival and one night are already
 * filled); Ctrl+Enter saves from any field. Each room type shows its price for the stay beside
 * the rooms free. The rate plan is always a visible choice, preset to the channel's first plan
 * with its cancellation terms shown, so nothing is booked under terms the agent did not see. A
 * sold-out night offers an overbooking, which the default policy holds for a supervisor's approval.
 */
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Grid,
  Group,
  Kbd,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNameIn } from '../../../i18n/use-local-names';
import { CHANNELS, GUARANTEES, type Booking } from '@shared/contract';
import { FREE_POLICY } from '@shared/rules/cancellation';
import { toAppError, useErrorText } from '../../../i18n/errors';
import { DateField } from '../../../ui/DateField';
import { FormError } from '../../../ui/FormError';
import { useMoney } from '../../../ui/money';
import { useFormCall } from '../../../ui/use-form-submit';
import { ApprovalRequestDialog } from '../../approvals/ApprovalRequestDialog';
import { heldFrom, type HeldOperation } from '../../approvals/held';
import { describePolicy } from '../../cancellations/describe-policy';
import { GuestPicker } from './GuestPicker';
import { initialIntake, restay, toCreateInput, type IntakeValues } from './intake-form';
import { QuotePanel } from './QuotePanel';
import { useFreeRooms, useTypePrices } from './use-intake-quote';
import { useCall, useMutate } from '../../../api/use-call';

export function IntakeForm({
  businessDate,
  onCreated,
}: {
  businessDate: string;
  onCreated: (booking: Booking) => void;
}) {
  const { t } = useTranslation();
  const nameIn = useNameIn();
  const { message } = useErrorText();
  const money = useMoney();
  const roomTypeRef = useRef<HTMLInputElement>(null);
  const [soldOutNight, setSoldOutNight] = useState<string | null>(null);
  const [held, setHeld] = useState<HeldOperation | null>(null);
  const roomTypes = useCall('roomTypes.list', {});
  const ratePlans = useCall('ratePlans.list', {});
  const form = useForm<IntakeValues>({
    initialValues: initialIntake(businessDate),
    validate: {
      guest: (guest) => (guest ? null : t('desk.intake.guestRequired')),
      roomTypeId: (id) => (id ? null : t('validation.required')),
      departure: (departure, values) => (departure > values.arrival ? null : t('validation.format')),
    },
  });
  const { values } = form;
  const free = useFreeRooms(values.arrival, values.nights);

  const submit = useFormCall(form, 'bookings.create', {
    input: (v: IntakeValues) => toCreateInput(v),
    onSuccess: onCreated,
    onError: (thrown) => {
      const error = toAppError(thrown);
      setSoldOutNight(error.code === 'BOOKING_SOLD_OUT' ? String(error.params?.['night'] ?? '') : null);
    },
  });
  const overbook = useMutate('bookings.overbook', {
    onSuccess: onCreated,
    onError: (thrown) =>
      setHeld(
        heldFrom(thrown, 'bookings.overbook', toCreateInput(values), `${values.guest?.name ?? ''} · ${values.arrival}`),
      ),
  });

  const setStay = (field: 'arrival' | 'nights' | 'departure', value: string | number) => {
    const next = restay(
      { arrival: values.arrival, nights: values.nights, departure: values.departure, [field]: value },
      field,
    );
    form.setValues(next);
    setSoldOutNight(null);
  };

  const sellable = (ratePlans.data ?? []).filter((plan) => !plan.memberOnly && plan.channels.includes(values.channel));
  const plan = sellable.find((p) => p.id === values.ratePlanId);
  // The channel's first plan (by code) unless the agent chose another the channel sells.
  const { setFieldValue } = form;
  const defaultPlanId = sellable[0]?.id ?? null;
  useEffect(() => {
    if (ratePlans.data && !plan && values.ratePlanId !== defaultPlanId) setFieldValue('ratePlanId', defaultPlanId);
  }, [ratePlans.data, plan, values.ratePlanId, defaultPlanId, setFieldValue]);
  const prices = useTypePrices(roomTypes.data, plan, values.arrival, values.departure);

  const roomTypeOptions = (roomTypes.data ?? []).map((type) => {
    const price = prices.get(type.id);
    const priceText = price
      ? values.nights === 1
        ? t('desk.intake.perNight', { amount: money(price.firstNightFen) })
        : t('desk.intake.stayTotal', { amount: money(price.totalFen) })
      : null;
    const parts = [
      nameIn(type),
      priceText,
      free.has(type.id) ? t('desk.intake.freeRooms', { count: free.get(type.id) }) : null,
    ];
    return { value: type.id, label: parts.filter(Boolean).join(' · ') };
  });
  const ratePlanOptions = sellable.map((p) => ({ value: p.id, label: p.name }));
  const terms = describePolicy(plan?.cancellationPolicy ?? FREE_POLICY, t, { subject: 'stay', money }).join(
    t('desk.intake.termsSeparator'),
  );

  return (
    <>
      <form
        noValidate
        onSubmit={submit.onSubmit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.currentTarget.requestSubmit();
          }
        }}
        data-testid="intake-form"
      >
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm">
              <GuestPicker
                guest={values.guest}
                walkIn={values.channel === 'walk_in'}
                arrival={values.arrival}
                error={form.errors['guest'] as string | undefined}
                onPick={(guest) => {
                  form.setFieldValue('guest', guest);
                  // Walk-in details are already there; the room type is what is left to choose.
                  if (guest) setTimeout(() => roomTypeRef.current?.focus(), 0);
                }}
              />
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('desk.intake.channel')}
                </Text>
                <SegmentedControl
                  fullWidth
                  size="xs"
                  data={CHANNELS.map((c) => ({ value: c, label: t(`desk.channels.${c}`) }))}
                  data-testid="intake-channel"
                  {...form.getInputProps('channel')}
                />
              </div>
              <Group grow align="flex-start">
                <DateField
                  label={t('desk.intake.arrival')}
                  value={values.arrival}
                  onChange={(date) => setStay('arrival', date)}
                  data-testid="intake-arrival"
                />
                <NumberInput
                  label={t('desk.intake.nightsField')}
                  min={1}
                  max={90}
                  value={values.nights}
                  onChange={(n) => setStay('nights', Number(n))}
                  data-testid="intake-nights"
                />
                <DateField
                  label={t('desk.intake.departure')}
                  value={values.departure}
                  error={form.errors['departure']}
                  onChange={(date) => setStay('departure', date)}
                  data-testid="intake-departure"
                />
              </Group>
              <Group grow align="flex-start">
                <Select
                  ref={roomTypeRef}
                  label={t('desk.intake.roomType')}
                  data={roomTypeOptions}
                  searchable
                  // Typing part of a name and pressing Enter picks the first match.
                  selectFirstOptionOnChange
                  // Name, price and rooms free on one line, wider than the field.
                  comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
                  withAsterisk
                  data-testid="intake-room-type"
                  {...form.getInputProps('roomTypeId')}
                  onChange={(id) => {
                    form.setFieldValue('roomTypeId', id);
                    setSoldOutNight(null);
                  }}
                />
                <Select
                  label={t('desk.intake.ratePlan')}
                  placeholder={t('desk.intake.noPlan')}
                  data={ratePlanOptions}
                  allowDeselect={false}
                  disabled={ratePlanOptions.length === 0}
                  data-testid="intake-rate-plan"
                  {...form.getInputProps('ratePlanId')}
                />
              </Group>
              <Text size="xs" c="dimmed" mt={-6} data-testid="intake-rate-plan-terms">
                {t('desk.intake.ratePlanTerms', { terms })}
              </Text>
              <Group grow align="flex-start">
                <NumberInput
                  label={t('desk.intake.adults')}
                  min={1}
                  max={20}
                  data-testid="intake-adults"
                  {...form.getInputProps('adults')}
                />
                <NumberInput
                  label={t('desk.intake.children')}
                  min={0}
                  max={20}
                  data-testid="intake-children"
                  {...form.getInputProps('children')}
                />
                <Select
                  label={t('desk.intake.guarantee')}
                  data={GUARANTEES.map((g) => ({ value: g, label: t(`desk.guarantees.${g}`) }))}
                  allowDeselect={false}
                  data-testid="intake-guarantee"
                  {...form.getInputProps('guarantee')}
                />
              </Group>
              <Textarea
                label={t('desk.intake.specialRequests')}
                autosize
                minRows={1}
                maxRows={3}
                data-testid="intake-special-requests"
                {...form.getInputProps('specialRequests')}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <QuotePanel
              arrival={values.arrival}
              departure={values.departure}
              roomTypeId={values.roomTypeId}
              ratePlanId={values.ratePlanId}
            />
          </Grid.Col>
        </Grid>
        <Stack gap="sm" mt="md">
          <FormError message={submit.error} testId="intake-error" />
          {soldOutNight !== null && (
            <Alert color="orange" variant="light" data-testid="intake-sold-out">
              <Group justify="space-between">
                <Text size="sm">
                  {overbook.isError && !held
                    ? message(overbook.error)
                    : t('desk.intake.soldOut', { night: soldOutNight })}
                </Text>
                <Button
                  color="orange"
                  size="xs"
                  loading={overbook.isPending}
                  onClick={() => overbook.mutate(toCreateInput(values))}
                  data-testid="intake-overbook"
                >
                  {t('desk.intake.overbook')}
                </Button>
              </Group>
            </Alert>
          )}
          <Group justify="flex-end">
            <Text size="xs" c="dimmed">
              {t('desk.intake.saveHint')}
            </Text>
            <Button
              type="submit"
              loading={submit.pending}
              rightSection={<Kbd size="xs">Ctrl+Enter</Kbd>}
              data-testid="intake-submit"
            >
              {t('desk.intake.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {/* Outside the form: the dialog's own submit and keys must not reach this form through the portal. */}
      <ApprovalRequestDialog
        held={held}
        onClose={() => setHeld(null)}
        onExecuted={(request) => onCreated(request.result as Booking)}
      />
    </>
  );
}
