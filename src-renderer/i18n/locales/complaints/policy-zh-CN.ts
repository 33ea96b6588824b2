/** Policy strings of the complaint screens in Simplified Chinese (the source). */
export const policyZhCN = {
  title: '投诉时限与工作日历',
};
