/** How the call-back screens name a task: what it is about (its complaint's number, or its booking's). */
import type { Callback } from '@shared/contract';

export const referenceOf = (task: Callback): string => task.complaintNumber ?? task.bookingNumber ?? '';
