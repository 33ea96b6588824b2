/** Inventory screens' UI strings in Traditional Chinese. */
import type { UiCatalog } from '../zh-CN';

export const inventoryZhTW: UiCatalog['inventory'] = {
  title: '房務與門票',
};
