/**
 * Prices are integer fen in the contract and typed in yuan at the desk. Formatting reuses the
 * approvals' hook (the property's currency, the UI language); the input converts on the way in
 * and out, so forms hold fen and validate with the contract's own schemas.
 */
import { NumberInput, type NumberInputProps } from '@mantine/core';

export { useMoney } from '../approvals/money';

interface YuanInputProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  /** Fen; undefined reads as nothing typed yet. */
  value?: number;
  onChange: (fen: number) => void;
}

export function YuanInput({ value, onChange, ...props }: YuanInputProps) {
  return (
    <NumberInput
      min={0}
      decimalScale={2}
      thousandSeparator=","
      hideControls
      {...props}
      value={value === undefined ? '' : value / 100}
      onChange={(yuan) => onChange(Math.round(Number(yuan || 0) * 100))}
    />
  );
}
