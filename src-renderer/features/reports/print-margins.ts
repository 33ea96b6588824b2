/**
 * The running header and footer of a printed report, in the A4 page's margin boxes: the property,
 * report and period on top of every page with the data's age, who printed it and when at the
 * foot, and "page N of M" from CSS counters. Chromium draws @page margin boxes (Electron's print
 * path and page.pdf() alike); their content is a CSS string, so the texts are escaped here.
 */

/** A CSS string literal: quotes, backslashes and line breaks escaped, `<` too so it cannot close the style element. */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\r\n\f]+/g, ' ')
    .replaceAll('<', '\\3c ')}"`;
}

/** A translated "page {{page}} of {{pages}}" as CSS content: the text around the page counters. */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{\{pages?\}\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

export interface PrintMargins {
  topLeft: string;
  topRight: string;
  bottomLeft: string;
  /** reports.page with its {{page}} and {{pages}} placeholders. */
  pageTemplate: string;
  lang: string;
}

/** Fonts with Chinese on Windows, macOS and Linux (Noto CJK), traditional glyphs for zh-TW. */
export function cjkFonts(lang: string): string {
  return lang === 'zh-TW'
    ? `"Microsoft JhengHei", "PingFang TC", "Noto Sans CJK TC", "Noto Sans TC", sans-serif`
    : `"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif`;
}

/** The rules for the `report` named page (see reports.css for its size and margins). */
export function printMarginsCss(margins: PrintMargins): string {
  const box = (where: string, content: string, align: string) =>
    `@${where} { content: ${content}; font-family: ${cjkFonts(margins.lang)}; font-size: 8pt; color: #333; text-align: ${align}; }`;
  return [
    '@page report {',
    box('top-left', cssString(margins.topLeft), 'left'),
    box('top-right', cssString(margins.topRight), 'right'),
    box('bottom-left', cssString(margins.bottomLeft), 'left'),
    box('bottom-right', pageCounterContent(margins.pageTemplate), 'right'),
    '}',
  ].join('\n');
}
