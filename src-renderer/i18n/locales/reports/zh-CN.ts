/** The reports screen's own words in Simplified Chinese (the source for this section); the reports' figure labels and definitions come from the services' catalogs. */
import { definitions as dailyDefinitions, labels as dailyLabels } from './daily-zh-CN';
import { definitions as monthlyDefinitions, labels as monthlyLabels } from './monthly-zh-CN';
import { definitions as weeklyDefinitions, labels as weeklyLabels, picker as weeklyPicker } from './weekly-zh-CN';
import { submissionZhCN } from './submission-zh-CN';

export const reportsZhCN = {
  title: '报表',
  kinds: {
    daily: '日报',
    weekly: '周报',
    operations: '月度运营报告',
    risk: '月度风险报告',
    satisfaction: '月度满意度报告',
  },
  picker: {
    kind: '报表',
    date: '营业日',
    month: '月份',
    ...weeklyPicker,
  },
  actions: {
    print: '打印',
    excel: '导出 Excel',
    csv: '导出 CSV',
    exportFailed: '导出失败，请重试',
  },
  loading: '正在生成报表…',
  header: {
    property: '门店',
    report: '报表',
    period: '报告期',
    range: '{{from}} 至 {{to}}',
    dataAsOf: '数据截至',
    neverSynced: '本机从未与中心服务器同步：仅含本机数据',
    generated: '生成',
    generatedAt: '生成时间',
    generatedBy: '生成人',
    printed: '打印',
    currency: '货币',
    byAt: '{{by}} · {{at}}',
  },
  page: '第 {{page}} 页 / 共 {{pages}} 页',
  noFigures: '本期无数据',
  noRows: '无记录',
  total: '合计',
  figure: '指标',
  value: '数值',
  definitionsTitle: '指标口径',
  notesTitle: '说明',
  /** The sign-off: the report calendar and the submission panel. */
  submission: submissionZhCN,
  /** The reports' own labels and definitions (reports.labels.*, reports.definitions.*), from the services' catalogs. */
  labels: { ...dailyLabels, ...monthlyLabels, ...weeklyLabels },
  definitions: { ...dailyDefinitions, ...monthlyDefinitions, ...weeklyDefinitions },
};
