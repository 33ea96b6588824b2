/** Row schema of a submitted report: its kind, period and frozen document, by whom and from which desk. */
import { z } from 'zod';
import { REPORT_KINDS } from '../../contract/report-kinds';
import { id, instant, JSON_MAX, jsonText, serverVersion } from './columns';

/** 2026-11-30 (a day), 2026-W48 (an ISO week) or 2026-11 (a month). */
const period = z.string().regex(/^\d{4}-(\d{2}-\d{2}|W\d{2}|\d{2})$/, { error: 'not a report period' });

export const reportSubmissionRow = z.strictObject({
  id,
  kind: z.enum(REPORT_KINDS),
  period,
  document_json: jsonText(JSON_MAX.large),
  submitted_by: id,
  submitted_at: instant,
  device: id,
  server_version: serverVersion,
});
