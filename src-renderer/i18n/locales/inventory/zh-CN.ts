/** Inventory screens' UI strings in Simplified Chinese (the source for this section). */
export const inventoryZhCN = {
  title: '房务与门票',
};
