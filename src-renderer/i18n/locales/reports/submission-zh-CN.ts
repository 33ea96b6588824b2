/**
 * The report sign-off's words in Simplified Chinese (the source for this part): the report
 * calendar and the submission panel, under `reports.submission`; and the labels of its three
 * operations, under `operations.reports`.
 */
export const submissionZhCN = {
  calendar: {
    title: '报表日历',
    month: '月份',
    dailies: '日报',
    others: '周报与月报',
    empty: '本月没有应交的报表',
    report: '报表',
    period: '报告期',
    deadline: '截止时间',
    state: '状态',
    submittedBy: '提交人',
    submittedAt: '提交时间',
    action: '操作',
  },
  states: {
    open: '未结束',
    due: '待提交',
    late: '已逾期',
    submitted: '已提交',
    submitted_late: '逾期提交',
  },
  deadline: '截止 {{at}}',
  byAt: '{{by}} · {{at}}',
  week: '{{week}}（{{from}} 至 {{to}}）',
  submit: '提交',
  confirmTitle: '提交{{report}}（{{period}}）',
  confirmText: '提交后，报表按此刻的数字冻结保存，之后的营业变化不再计入；同一报表只能提交一次。',
  confirm: '确认提交',
  done: '已提交{{report}}（{{period}}）',
  panel: {
    title: '报表签发',
    notFinished: '报告期尚未结束：夜审关账或当日结束后才能提交（截止 {{deadline}}）',
    notAllowed: '提交报表需要主管或以上权限',
    viewSubmitted: '查看已提交版本',
    viewLive: '查看当前数字',
    frozen: '以下为 {{by}} 于 {{at}} 提交时冻结的数字',
  },
};

/** Labels of the sign-off operations (audit trail, approvals), for `operations.reports`. */
export const submissionOperationsZhCN = {
  submit: '提交报表',
  submitted: '查看已提交报表',
  calendar: '查看报表日历',
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape the other languages must have. */
export type SubmissionCatalog = Widen<typeof submissionZhCN>;
export type SubmissionOperationsCatalog = Widen<typeof submissionOperationsZhCN>;
