import { z } from 'zod';
import type { Quantiles } from './quantiles.js';
import { RULE_MESSAGES as R } from './rule-messages.js';
import { MODALITIES, ROOTS } from './vocabularies.js';
import { rule } from './zod-words.js';

/** The dashboard's filter: date range, operators, modality and roots (signed records only). */
export const dashboardFilterSchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    operatorIds: z.array(z.string().min(1).max(64)).max(200).optional(),
    modalities: z.array(z.enum(MODALITIES)).max(MODALITIES.length).optional(),
    roots: z.array(z.enum(ROOTS)).max(ROOTS.length).optional(),
    /** Records from these consoles only (the department's dashboard covers every synced record). */
    consoleNames: z.array(z.string().min(1).max(64)).max(50).optional(),
  })
  .strict()
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    ...rule(R.notAfterItEnds),
    path: ['from'],
  });
export type DashboardFilter = z.input<typeof dashboardFilterSchema>;

export interface PainGroup {
  key: string;
  label: string;
  procedures: number;
  pre: Quantiles;
  post: Quantiles;
  relief: Quantiles;
  /** Share of procedures with relief ≥ 50 % among those with pain before > 0. */
  responderShare: number | null;
}

export interface DoseStat {
  n: number;
  median: number | null;
  p75: number | null;
  /** Share above the department's reference level; null where there is none. */
  aboveReferenceShare: number | null;
}

export interface DoseGroup {
  key: string;
  label: string;
  dlp: DoseStat;
  ctdiVol: DoseStat;
  fluoroTime: DoseStat;
  dap: DoseStat;
}

/**
 * A calendar month of the view and the days of it the view covers: partial when the filter
 * starts or ends inside it, or when it is the month still running (up to today). A partial
 * month's counts are for those days only, never scaled up to a whole month.
 */
export interface MonthCovered {
  month: string;
  /** First and last day covered (YYYY-MM-DD), and how many days that is. */
  from: string;
  to: string;
  days: number;
  partial: boolean;
}

export interface Dashboard {
  procedures: number;
  /** The CT DLP and fluoroscopy time levels for one level (dashboardLevels); null where none is set. */
  referenceLevels: { ctDlpMGyCm: number | null; fluoroTimeS: number | null };
  volume: {
    byMonth: (MonthCovered & { procedures: number })[];
    byOperator: { key: string; label: string; procedures: number }[];
    byRootSide: { root: string; side: string; targets: number }[];
    bilateralShare: number | null;
    caudalShare: number | null;
  };
  pain: { overall: PainGroup; byRoot: PainGroup[]; byIndication: PainGroup[]; byOperator: PainGroup[] };
  spread: {
    targets: number;
    patterns: { pattern: string; targets: number; share: number | null }[];
    byRoot: { root: string; targets: number; intravascularRate: number | null; intrathecalRate: number | null }[];
    particulateAfterIntravascular: {
      intravascularTargets: number;
      withParticulateSteroid: number;
      share: number | null;
    };
  };
  complications: { complication: string; severity: string | null; procedures: number; rate: number | null }[];
  dose: {
    byModality: DoseGroup[];
    byOperator: DoseGroup[];
    trend: (MonthCovered & { dlpMedian: number | null; fluoroTimeMedian: number | null; procedures: number })[];
  };
  tableTime: { key: string; label: string; minutes: Quantiles & { p75: number | null } }[];
}
