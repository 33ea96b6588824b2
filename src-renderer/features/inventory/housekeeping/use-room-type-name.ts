/**
 * A housekeeping card's room type in the UI language. The board's rooms carry their type's Chinese
 * name but not its id; in English the id comes from the cached rooms list (rooms.list), the name
 * from useLocalNames.
 */
import { useTranslation } from 'react-i18next';
import type { HousekeepingRoom } from '@shared/contract';
import { useCall } from '../../../api/use-call';
import { useLocalNames } from '../../../i18n/use-local-names';

export function useRoomTypeName(): (room: HousekeepingRoom) => string {
  const { i18n } = useTranslation();
  const names = useLocalNames();
  const rooms = useCall('rooms.list', {}, { enabled: i18n.language === 'en' });
  const typeOf = new Map((rooms.data ?? []).map((room) => [room.id, room.roomTypeId]));
  return (room) => {
    const typeId = typeOf.get(room.id);
    return typeId ? names.roomType(typeId, room.roomTypeName) : room.roomTypeName;
  };
}
