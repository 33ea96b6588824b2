/** Desk screens' UI strings in Simplified Chinese (the source for this section). */
export const deskZhCN = {
  title: '前台',
};
