/** Compensation strings of the complaint screens. */
import type { compensationZhCN } from './compensation-zh-CN';

export const compensationZhTW: typeof compensationZhCN = {
  title: '補償',
};
