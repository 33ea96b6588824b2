/** Points written with the UI language's digit grouping; `signed` adds the + of a credit. */
import { useMemo } from 'react';
import { useFormat } from '../../i18n/format';

export function usePoints(): (points: number, signed?: boolean) => string {
  const { locale } = useFormat();
  return useMemo(() => {
    const plain = new Intl.NumberFormat(locale);
    const withSign = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
    return (points, signed = false) => (signed ? withSign : plain).format(points);
  }, [locale]);
}
