/** How the call-back screens name a task: what it is about (its complaint's number, or its booking's) and its times, to the minute. */
import type { Callback } from '@shared/contract';
import { DATE_TIME_MINUTE, formatInstant, type Formatters } from '../../i18n/format';

export const referenceOf = (task: Callback): string => task.complaintNumber ?? task.bookingNumber ?? '';

/** A time to call or a call made, to the minute in the property's zone (seconds mean nothing on a call list). */
export const atMinute = (format: Formatters, iso: string): string =>
  formatInstant(iso, format.locale, format.zone, DATE_TIME_MINUTE);
