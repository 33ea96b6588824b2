/** Desk screens' UI strings in English. */
import type { UiCatalog } from '../zh-CN';

export const deskEn: UiCatalog['desk'] = {
  title: 'Front desk',
};
