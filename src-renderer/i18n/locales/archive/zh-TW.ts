/** The archive screens' own words in Traditional Chinese. */
import type { UiCatalog } from '../zh-CN';

export const archiveZhTW: UiCatalog['archive'] = {
  title: '檔案',
};
