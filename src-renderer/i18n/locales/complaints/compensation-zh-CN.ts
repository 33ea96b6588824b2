/** Compensation strings of the complaint screens in Simplified Chinese (the source). */
export const compensationZhCN = {
  title: '补偿',
};
