/** Policy strings of the complaint screens. */
import type { policyZhCN } from './policy-zh-CN';

export const policyZhTW: typeof policyZhCN = {
  title: '投訴時限與工作日曆',
};
