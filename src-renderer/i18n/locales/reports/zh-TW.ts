/** The reports screen's own words in Traditional Chinese. */
import { definitions as dailyDefinitions, labels as dailyLabels } from './daily-zh-TW';
import { definitions as monthlyDefinitions, labels as monthlyLabels } from './monthly-zh-TW';
import { definitions as weeklyDefinitions, labels as weeklyLabels, picker as weeklyPicker } from './weekly-zh-TW';
import { submissionZhTW } from './submission-zh-TW';
import type { UiCatalog } from '../zh-CN';

export const reportsZhTW: UiCatalog['reports'] = {
  title: '報表',
  kinds: {
    daily: '日報',
    weekly: '週報',
    operations: '月度營運報告',
    risk: '月度風險報告',
    satisfaction: '月度滿意度報告',
  },
  picker: {
    kind: '報表',
    date: '營業日',
    month: '月份',
    ...weeklyPicker,
  },
  actions: {
    print: '列印',
    excel: '匯出 Excel',
    csv: '匯出 CSV',
    exportFailed: '匯出失敗，請重試',
  },
  loading: '正在產生報表…',
  header: {
    property: '門店',
    report: '報表',
    period: '報告期',
    range: '{{from}} 至 {{to}}',
    dataAsOf: '資料截至',
    neverSynced: '本機從未與中心伺服器同步：僅含本機資料',
    generated: '產生',
    generatedAt: '產生時間',
    generatedBy: '產生人',
    printed: '列印',
    currency: '貨幣',
    byAt: '{{by}} · {{at}}',
  },
  page: '第 {{page}} 頁 / 共 {{pages}} 頁',
  noFigures: '本期無資料',
  noRows: '無記錄',
  total: '合計',
  figure: '指標',
  value: '數值',
  definitionsTitle: '指標口徑',
  notesTitle: '說明',
  /** The sign-off: the report calendar and the submission panel. */
  submission: submissionZhTW,
  /** The reports' own labels and definitions (reports.labels.*, reports.definitions.*), from the services' catalogs. */
  labels: { ...dailyLabels, ...monthlyLabels, ...weeklyLabels },
  definitions: { ...dailyDefinitions, ...monthlyDefinitions, ...weeklyDefinitions },
};
