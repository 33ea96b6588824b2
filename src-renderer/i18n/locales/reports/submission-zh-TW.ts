/** The report sign-off's words in Traditional Chinese. */
import type { SubmissionCatalog, SubmissionOperationsCatalog } from './submission-zh-CN';

export const submissionZhTW: SubmissionCatalog = {
  calendar: {
    title: '報表日曆',
    month: '月份',
    dailies: '日報',
    others: '週報與月報',
    empty: '本月沒有應交的報表',
    report: '報表',
    period: '報告期',
    deadline: '截止時間',
    state: '狀態',
    submittedBy: '提交人',
    submittedAt: '提交時間',
    action: '操作',
  },
  states: {
    open: '未結束',
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
  confirmText: '提交後，報表按此刻的數字凍結保存，之後的營業變化不再計入；同一報表只能提交一次。',
  confirm: '確認提交',
  done: '已提交{{report}}（{{period}}）',
  panel: {
    title: '報表簽發',
    notFinished: '報告期尚未結束：夜審關帳或當日結束後才能提交（截止 {{deadline}}）',
    notAllowed: '提交報表需要主管或以上權限',
    viewSubmitted: '查看已提交版本',
    viewLive: '查看目前數字',
    frozen: '以下為 {{by}} 於 {{at}} 提交時凍結的數字',
  },
};

export const submissionOperationsZhTW: SubmissionOperationsCatalog = {
  submit: '提交報表',
  submitted: '查看已提交報表',
  calendar: '查看報表日曆',
};
