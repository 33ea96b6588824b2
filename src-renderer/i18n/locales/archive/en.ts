/** The archive screens' own words in English. */
import type { UiCatalog } from '../zh-CN';

export const archiveEn: UiCatalog['archive'] = {
  title: 'Archive',
};
