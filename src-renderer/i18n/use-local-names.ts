/**
 * Room type and rate plan names in the UI language: the English name the property gave (Setup →
 * 房型与价格) when the UI speaks English, otherwise the Chinese name. Lists and details carry the
 * id and the Chinese name; the English names come from the cached setup lists, so no list DTO
 * repeats them.
 */
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';

interface Named {
  id: string;
  name: string;
  nameEn: string | null;
}

/** The name to show for one of `known`, or `fallback` when it is not (yet) known. */
export function localName(language: string, known: readonly Named[] | undefined, id: string, fallback: string) {
  const found = known?.find((k) => k.id === id);
  if (language === 'en' && found?.nameEn) return found.nameEn;
  return found?.name ?? fallback;
}

export function useLocalNames() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  // Only English needs the lists; Chinese shows the names the rows already carry.
  const roomTypes = useCall('roomTypes.list', {}, { enabled: english });
  const ratePlans = useCall('ratePlans.list', {}, { enabled: english });
  return {
    roomType: (id: string, fallback: string) => localName(i18n.language, roomTypes.data, id, fallback),
    ratePlan: (id: string, fallback: string) => localName(i18n.language, ratePlans.data, id, fallback),
  };
}
