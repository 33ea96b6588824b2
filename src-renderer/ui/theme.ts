/**
 * The app's Mantine theme. One font stack for Chinese and Latin text, numbers included: booking
 * numbers and amounts (written `ff="monospace"` across the screens) use the same stack as the
 * text beside them, so they sit on its baseline, and app.css gives every number tabular figures
 * so columns of amounts line up. Code (hashes, file paths) keeps a real monospace font.
 */
import { Badge, Code, createTheme } from '@mantine/core';

const TEXT_FONTS =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", Roboto, Helvetica, Arial, sans-serif';

export const CODE_FONTS =
  'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: TEXT_FONTS,
  fontFamilyMonospace: TEXT_FONTS,
  headings: { fontFamily: TEXT_FONTS },
  components: {
    // Mantine upper-cases badges; in English that shouts ("CHECKED OUT") and Chinese has no case.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
    Code: Code.extend({ styles: { root: { fontFamily: CODE_FONTS } } }),
  },
});
