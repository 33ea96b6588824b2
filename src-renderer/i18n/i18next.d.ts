/** Types i18next's `t` from the catalogs, so an unknown key is a type error. */
import 'i18next';
import type { errorCatalogs } from '@shared/i18n/errors';
import type { UiCatalog } from './locales/zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: { ui: UiCatalog; errors: (typeof errorCatalogs)['zh-CN'] };
  }
}
