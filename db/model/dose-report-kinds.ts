/** What a dose report describes: CT irradiation events, or projection X-ray (fluoroscopy) ones. Stored as these codes. */
export const REPORT_KINDS = ['ct', 'projection'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
