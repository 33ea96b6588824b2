/**
 * Names the property gives in two languages, shown in the UI language: room types and rate plans
 * (English name set in Setup → 房型与价格) and member tiers (English name seeded for the default
 * tiers). Lists and details carry the id and the Chinese name; the English names of room types and
 * rate plans come from the cached setup lists, so no list DTO repeats them. A tier travels with
 * both names.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { localName, nameIn, type TwoNames } from './local-name';

export { localName, nameIn, type TwoNames } from './local-name';

export function useLocalNames() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  // Only English needs the lists; Chinese shows the names the rows already carry.
  const roomTypes = useCall('roomTypes.list', {}, { enabled: english });
  const ratePlans = useCall('ratePlans.list', {}, { enabled: english });
  const language = i18n.language;
  // Stable until the language or a list changes, so callers may list it as a dependency.
  return useMemo(
    () => ({
      roomType: (id: string, fallback: string) => localName(language, roomTypes.data, id, fallback),
      ratePlan: (id: string, fallback: string) => localName(language, ratePlans.data, id, fallback),
    }),
    [language, roomTypes.data, ratePlans.data],
  );
}

/** A tier's (or any two-named thing's) name in the UI language; needs no list. */
export function useNameIn() {
  const { i18n } = useTranslation();
  return (named: TwoNames) => nameIn(i18n.language, named);
}
