/** The reports a property files: daily (日报, with the manager's flash), weekly, and the three monthly ones. */
export const REPORT_KINDS = ['daily', 'weekly', 'operations', 'risk', 'satisfaction'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
