/** Policy strings of the complaint screens. */
import type { policyZhCN } from './policy-zh-CN';

export const policyEn: typeof policyZhCN = {
  title: 'Complaint targets and working calendar',
};
