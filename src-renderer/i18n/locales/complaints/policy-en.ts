/** Strings of the complaint policy editor (settings) in English. */
import type { policyZhCN } from './policy-zh-CN';

export const policyEn: typeof policyZhCN = {
  title: 'Complaint targets and working calendar',
  targetsTitle: 'Targets by severity',
  targetsHint:
    'Targets in working days count only the working days of the calendar (make-up working days included); targets in hours run on through holidays. Time spent waiting on the guest never counts. A change applies to every open complaint at once.',
  severity: 'Severity',
  respond: 'Respond within',
  resolve: 'Resolve within',
  amount: 'Amount',
  unit: 'Unit',
  units: { working_days: 'working days', hours: 'hours' },
  save: 'Save',
  saved: 'Targets for {{severity}} complaints saved',
  calendarTitle: 'Working calendar corrections',
  calendarHint:
    "Public holidays and make-up working days follow the State Council's schedule (the chinese-days package). Correct single days here before next year's schedule is in it, or for a local holiday or working day.",
  date: 'Date',
  kind: 'Make it',
  kinds: { working: 'working day', off: 'day off' },
  packageColumn: 'Official calendar',
  note: 'Note',
  notePlaceholder: 'e.g. Spring Festival 2027',
  add: 'Add correction',
  added: '{{date}} is now a {{kind}}',
  remove: 'Remove correction',
  removed: 'Correction of {{date}} removed',
  empty: 'No corrections: the official calendar applies',
  packageSays: 'Official calendar: {{date}} ({{weekday}}) is a {{kind}}',
  sameAsPackage: 'Same as the official calendar: no correction needed',
};
