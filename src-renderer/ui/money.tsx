/**
 * Money in the renderer. The contract carries integer fen; people read amounts in the property's
 * currency and type them in yuan. Every conversion and every money field goes through here, so
 * rounding and formatting are the same on every screen.
 */
import { useMemo } from 'react';
import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { moneyFormat } from '../i18n/format';

/** Pure, so it lives with the other formatters; exported here too beside the hook. */
export { moneyFormat };

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Rounded, since typed yuan (e.g. 19.99) are not exact in binary. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Formats fen in the property's currency and the UI language. */
export function useMoney(): (fen: number) => string {
  const { i18n } = useTranslation();
  const { property } = useSession();
  return useMemo(() => moneyFormat(i18n.language, property.currency), [i18n.language, property.currency]);
}

interface YuanInputProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  /** Fen; null or undefined shows an empty field. */
  value?: number | null;
  onChange: (fen: number | null) => void;
  /** What a cleared field holds: 0 by default, null where blank means "no amount" (e.g. no limit). */
  emptyFen?: 0 | null;
}

/** A money field typed in yuan that holds fen, so forms keep the contract's units and schemas. */
export function YuanInput({ value, onChange, emptyFen = 0, ...props }: YuanInputProps) {
  return (
    <NumberInput
      min={0}
      decimalScale={2}
      thousandSeparator=","
      hideControls
      {...props}
      value={value === undefined || value === null ? '' : fenToYuan(value)}
      onChange={(yuan) => onChange(yuan === '' ? emptyFen : yuanToFen(Number(yuan)))}
    />
  );
}
