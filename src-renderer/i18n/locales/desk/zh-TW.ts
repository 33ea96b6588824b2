/** Desk screens' UI strings in Traditional Chinese. */
import type { UiCatalog } from '../zh-CN';

export const deskZhTW: UiCatalog['desk'] = {
  title: '櫃檯',
};
