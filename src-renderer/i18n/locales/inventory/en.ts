/** Inventory screens' UI strings in English. */
import type { UiCatalog } from '../zh-CN';

export const inventoryEn: UiCatalog['inventory'] = {
  title: 'Rooms and tickets',
};
