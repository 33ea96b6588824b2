/** Compensation strings of the complaint screens. */
import type { compensationZhCN } from './compensation-zh-CN';

export const compensationEn: typeof compensationZhCN = {
  title: 'Compensation',
};
