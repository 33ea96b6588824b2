/** The archive screens' own words in Simplified Chinese (the source for this section). */
export const archiveZhCN = {
  title: '档案',
};
