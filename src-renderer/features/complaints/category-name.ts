/** A complaint category's name in the UI language: categories are data with a Chinese and an English name. */
import { useTranslation } from 'react-i18next';
import type { ComplaintCategory } from '@shared/contract';

export function useCategoryName(): (category: ComplaintCategory) => string {
  const { i18n } = useTranslation();
  return (category) => (i18n.language.startsWith('zh') ? category.nameZh : category.nameEn);
}
