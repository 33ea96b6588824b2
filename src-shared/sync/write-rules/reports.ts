/**
 * Report sign-off: a submission inserts one frozen report, submitted by the actor from the pushing
 * desk, of the kind and period the input names. Nothing updates or deletes a submission; two desks
 * submitting the same report offline meet at the table's unique kind and period, where the server
 * keeps the first to arrive.
 */
import { byActor, fromDesk, namedByInput } from './checks';
import type { WriteRule } from './types';

export const reportRules: Record<string, WriteRule> = {
  'reports.submit': {
    report_submission: {
      insert: [
        byActor('submitted_by'),
        fromDesk('device'),
        namedByInput('kind', 'kind'),
        namedByInput('period', 'period'),
      ],
    },
  },
};
