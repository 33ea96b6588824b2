/** Amounts are integer fen in the contract; shown in the property's currency and the UI language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';

export function useMoney(): (fen: number) => string {
  const { i18n } = useTranslation();
  const { property } = useSession();
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: property.currency });
    return (fen: number) => format.format(fen / 100);
  }, [i18n.language, property.currency]);
}
