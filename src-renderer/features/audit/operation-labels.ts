/**
 * The audit filter finds operations by what people call them: typing 改价 (or "override") finds
 * bookings.overridePrice. The labels are the UI language's; the services match the names sent.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { operations, type OperationName } from '@shared/contract';

const NAMES = Object.keys(operations) as OperationName[];

/** The operations whose label contains `text`, ignoring case. */
export function operationsLabelled(text: string, labelOf: (name: OperationName) => string): OperationName[] {
  const wanted = text.trim().toLocaleLowerCase();
  if (!wanted) return [];
  return NAMES.filter((name) => labelOf(name).toLocaleLowerCase().includes(wanted));
}

export function useLabelledOperations(): (text: string) => string[] {
  const { t } = useTranslation();
  return useCallback((text: string) => operationsLabelled(text, (name) => t(`operations.${name}`)), [t]);
}
