/** The report sign-off's words in English. */
import type { SubmissionCatalog, SubmissionOperationsCatalog } from './submission-zh-CN';

export const submissionEn: SubmissionCatalog = {
  calendar: {
    title: 'Report calendar',
    month: 'Month',
    dailies: 'Daily reports',
    others: 'Weekly and monthly reports',
    empty: 'No reports are due for this month',
    report: 'Report',
    period: 'Period',
    deadline: 'Due by',
    state: 'State',
    submittedBy: 'Submitted by',
    submittedAt: 'Submitted at',
    action: 'Action',
  },
  states: {
    open: 'Not over',
    due: 'Due',
    late: 'Late',
    submitted: 'Submitted',
    submitted_late: 'Submitted late',
  },
  deadline: 'Due by {{at}}',
  byAt: '{{by}} · {{at}}',
  week: '{{week}} ({{from}} to {{to}})',
  submit: 'Submit',
  confirmTitle: 'Submit: {{report}}, {{period}}',
  confirmText:
    'Once submitted, the report is frozen with the figures it shows now; later business no longer changes it, and it cannot be submitted again.',
  confirm: 'Submit',
  done: '{{report}} ({{period}}) submitted',
  panel: {
    title: 'Sign-off',
    notFinished:
      'The period is not over: it can be submitted once the night audit closes it or its day ends (due by {{deadline}})',
    notAllowed: 'Submitting reports takes a supervisor or above',
    viewSubmitted: 'Show the submitted version',
    viewLive: 'Show the current figures',
    frozen: 'Figures as frozen when {{by}} submitted them at {{at}}',
  },
};

export const submissionOperationsEn: SubmissionOperationsCatalog = {
  submit: 'Submit a report',
  submitted: 'View a submitted report',
  calendar: 'View the report calendar',
};
