import type { ClinicalWarning, WarningCode } from './clinical-warning.js';
import { declareMessages } from './messages.js';
import { DOSE_QUANTITIES, DOSE_QUANTITY_WORDS, type DoseQuantity, doseFigureWords } from './reference-levels.js';
import { clinicalWarning, WARNING_MESSAGES as W } from './warning-messages.js';
import { inEnglish, sentence, type Words } from './words.js';

/*
 * Is a dose figure plausible for one lumbar nerve root infiltration? A value far outside what
 * such a procedure gives is nearly always a slip: the scanner's screen showed another unit
 * (a C-arm's µGy·m² typed as Gy·cm² is 100× too high), a decimal point went missing, or the
 * DLP went into the CTDIvol field. The warning names the likely slip and what the value would
 * then be; it never changes the value (the person decides). The same check applies to a figure
 * typed by hand and to one arriving in a scanner's dose report.
 *
 * Sources (published dose surveys):
 * - CT DLP: Shepherd et al., AJNR 2011;32:1776 (doi 10.3174/ajnr.A2634), CT-guided spinal
 *   injections, mean 199 ± 101 mGy·cm with a low-dose protocol (1458 ± 1022 before it);
 *   Artner et al., Open Orthop J 2012;6:357 (doi 10.2174/1874325001206010357), 584 CT-guided
 *   lumbar periradicular injections, mean effective dose 1.38 mSv (about 90 mGy·cm at the lumbar
 *   0.015 mSv per mGy·cm); ultra-low-dose interventional part: median 2.26 mGy·cm, Acta Radiol
 *   2017 (doi 10.1177/0284185117694508).
 * - CTDIvol: an interventional acquisition stays below a diagnostic one; national DRLs for a
 *   diagnostic abdomen-pelvis CT are about 12 mGy (Foley et al., Br J Radiol 2012;85:1390).
 * - DAP and fluoroscopy time, fluoroscopic TFESI: Kim et al., J Spinal Disord Tech 2014
 *   (PMID 24441060), 181 single-plane transforaminal injections: KAP 3.02–1048.2 µGy·m²
 *   (0.03–10.5 Gy·cm², mean 1.02, median 0.68), fluoroscopy 11–161 s (mean 36, median 29);
 *   CT fluoroscopy for lumbar nerve root blocks 10.4 ± 7.5 s (Schauberger et al., AJNR 2012,
 *   doi 10.3174/ajnr.A3096).
 * - The warning limits (DLP 2000 mGy·cm, CTDIvol 100 mGy, DAP 50 Gy·cm², fluoroscopy 600 s, or
 *   100× the department's usual) are RootLog's data dictionary's: far beyond any published case,
 *   so that a real but high dose is a question, not a refusal.
 */

export interface DosePlausibilityBounds {
  /** What the published surveys call usual for this procedure: the reference when the department has no median yet. */
  typical: number;
  /** The range the surveys report (a slip's corrected value must fall inside it to be named). */
  usualRange: readonly [number, number];
  /** Below or above these, a figure is questioned. */
  warnBelow: number;
  warnAbove: number;
  /** The unit the scanner's screen typically shows, said beside the field: a symbol, or words where it needs saying. */
  screenUnit: string | Words;
}

const SC = "Procedure form, under a dose field: the unit the C-arm's screen shows";
export const DOSE_SCREEN_MESSAGES = declareMessages('dose.screen', {
  dap: [
    'µGy·m² on many C-arms (others show mGy·cm², cGy·cm² or Gy·cm²): check the unit on the screen',
    `${SC} for the dose-area product; keep the units as they are.`,
  ],
  fluoroTime: [
    'min:s on the C-arm’s clock (enter seconds: 1:36 is 96 s)',
    `${SC} for the fluoroscopy time, minutes and seconds; the field takes seconds.`,
  ],
});

export const DOSE_PLAUSIBILITY: Record<DoseQuantity, DosePlausibilityBounds> = {
  dlpMGyCm: { typical: 199, usualRange: [1, 500], warnBelow: 0.5, warnAbove: 2000, screenUnit: 'mGy·cm' },
  ctdiVolMGy: { typical: 5, usualRange: [0.1, 20], warnBelow: 0.05, warnAbove: 100, screenUnit: 'mGy' },
  dapGyCm2: {
    typical: 1,
    usualRange: [0.03, 10.5],
    warnBelow: 0.01,
    warnAbove: 50,
    screenUnit: sentence(DOSE_SCREEN_MESSAGES.dap),
  },
  fluoroTimeS: {
    typical: 36,
    usualRange: [1, 161],
    warnBelow: 1,
    warnAbove: 600,
    screenUnit: sentence(DOSE_SCREEN_MESSAGES.fluoroTime),
  },
};

/** How far from the usual a figure must be, either way, to be questioned whatever the limits. */
const FAR_FROM_USUAL = 100;

/**
 * A way a figure goes wrong: what was typed means `correct(typed)` in the stored unit (null
 * when this slip cannot explain the figure). A question-only slip has no value to offer.
 */
interface Slip {
  /** "was it …?" */
  question: Words;
  /** The factor between what was typed and what it means, for "is 100× the usual". */
  factor: number | null;
  correct: (typed: number) => number | null;
  /** What the typed figure is in that reading, for the message ("320 µGy·m²"). */
  asRead?: (typed: number) => Words;
  questionOnly?: true;
}

/** A unit as the slip names it: a symbol as it is, a word ("minutes") translated. */
type SlipUnit = string | Words;

const byFactor = (unit: SlipUnit, factor: number, unitAsRead: SlipUnit = unit): Slip => ({
  question: sentence(W.slipUnit, { unit }),
  factor,
  correct: (typed) => typed / factor,
  asRead: (typed) => sentence(W.valueWithUnit, { value: figure(typed), unit: unitAsRead }),
});

const decimal = (factor: number): Slip => ({
  question: sentence(W.slipDecimal),
  factor,
  correct: (typed) => typed / factor,
});

/** The slips to look for, the most common first. */
const SLIPS: Record<DoseQuantity, { high: Slip[]; low: Slip[] }> = {
  dapGyCm2: {
    high: [byFactor('µGy·m²', 100), byFactor('cGy·cm²', 100), byFactor('mGy·cm²', 1000), byFactor('dGy·cm²', 10)],
    low: [byFactor('Gy·m²', 1e-4), byFactor('mGy·m²', 0.1)],
  },
  dlpMGyCm: { high: [decimal(10), decimal(100)], low: [byFactor('Gy·cm', 1e-3)] },
  ctdiVolMGy: {
    high: [
      { question: sentence(W.slipDlpInCtdiVol), factor: null, correct: () => null, questionOnly: true },
      decimal(10),
    ],
    low: [byFactor('Gy', 1e-3)],
  },
  fluoroTimeS: {
    high: [decimal(10), byFactor(sentence(W.unitMilliseconds), 1000)],
    low: [byFactor(sentence(W.unitMinutes), 1 / 60, 'min')],
  },
};

export interface DosePlausibilityFinding {
  quantity: DoseQuantity;
  /** The record's field (the quantity's own name). */
  field: DoseQuantity;
  direction: 'high' | 'low';
  /** The slip named (its English question), with the value it would mean; null when none fits. */
  likelySlip: { question: string; meantValue: number | null } | null;
  /** Its English words (a dose report's check, the command line). */
  message: string;
  /** Its message and values, said in the reader's language. */
  words: Words;
}

/** A figure to four significant digits, as a number (the reader's locale writes its decimal mark). */
const figure = (value: number): number => Number(value.toPrecision(4));

/** "DLP 4659 mGy·cm", to four significant digits. */
const doseFigure = (quantity: DoseQuantity, value: number): Words => doseFigureWords(quantity, figure(value));

/** A slip explains a figure when what it would mean is a usual figure for the procedure. */
const explains = (slip: Slip, typed: number, [low, high]: readonly [number, number]) => {
  if (slip.questionOnly) return true;
  const meant = slip.correct(typed);
  return meant !== null && meant >= low && meant <= high;
};

/**
 * The question to ask about one dose figure, or null when it is plausible. `usual` is the
 * department's median for this quantity when it has one (else the published typical value).
 */
export function checkDosePlausibility(
  quantity: DoseQuantity,
  value: number | null | undefined,
  usual?: number | null,
): DosePlausibilityFinding | null {
  if (value == null || !Number.isFinite(value) || value <= 0) return null;
  const bounds = DOSE_PLAUSIBILITY[quantity];
  const reference = usual != null && usual > 0 ? usual : bounds.typical;
  const high = value > bounds.warnAbove || value >= FAR_FROM_USUAL * reference;
  const low = value < bounds.warnBelow || value <= reference / FAR_FROM_USUAL;
  if (!high && !low) return null;
  const direction = high ? 'high' : 'low';
  const { unit } = DOSE_QUANTITY_WORDS[quantity];
  const typed = doseFigure(quantity, value);
  const slip = SLIPS[quantity][direction].find((candidate) => explains(candidate, value, bounds.usualRange));
  const found = (words: Words, likelySlip: DosePlausibilityFinding['likelySlip']): DosePlausibilityFinding => ({
    quantity,
    field: quantity,
    direction,
    likelySlip,
    message: inEnglish(words),
    words,
  });
  if (!slip) {
    const usualWords =
      usual != null && usual > 0
        ? sentence(W.doseUsualOfDepartment, { median: figure(usual), unit })
        : sentence(W.doseUsualPublished, {
            low: figure(bounds.usualRange[0]),
            high: figure(bounds.usualRange[1]),
            unit,
          });
    return found(
      sentence(direction === 'high' ? W.doseFarAbove : W.doseFarBelow, { figure: typed, usual: usualWords }),
      null,
    );
  }
  const meant = slip.correct(value);
  const size =
    slip.factor === null
      ? sentence(direction === 'high' ? W.doseFarAboveUsual : W.doseFarBelowUsual)
      : slip.factor >= 1
        ? sentence(W.doseTimesUsual, { factor: figure(slip.factor) })
        : sentence(W.doseFractionOfUsual, { factor: figure(1 / slip.factor) });
  const meaning =
    meant === null
      ? ''
      : slip.asRead
        ? sentence(W.slipMeaning, { asRead: slip.asRead(value), meant: figure(meant), unit })
        : sentence(W.slipMeaningThen, { meant: figure(meant), unit });
  return found(sentence(W.doseLikelySlip, { figure: typed, size, question: slip.question, meaning }), {
    question: inEnglish(slip.question),
    meantValue: meant === null ? null : Number(meant.toPrecision(6)),
  });
}

/**
 * Every figure of a record or an arriving dose report checked at once; `usual` holds the
 * department's medians where it has them.
 */
export function checkDosesPlausibility(
  doses: Partial<Record<DoseQuantity, number | null>>,
  usual: Partial<Record<DoseQuantity, number | null>> = {},
): DosePlausibilityFinding[] {
  return DOSE_QUANTITIES.map((quantity) => checkDosePlausibility(quantity, doses[quantity], usual[quantity])).filter(
    (finding): finding is DosePlausibilityFinding => finding !== null,
  );
}

const PLAUSIBILITY_CODES: Record<DoseQuantity, WarningCode> = {
  dlpMGyCm: 'dlp_implausible',
  ctdiVolMGy: 'ctdivol_implausible',
  dapGyCm2: 'dap_implausible',
  fluoroTimeS: 'fluoro_time_implausible',
};

/**
 * The record's dose figures as clinical warnings, at their fields: shown as they are typed and
 * confirmed at signing like the other checks ("DAP 320 Gy·cm² is 100× the usual: was it
 * µGy·m²?"). The same words as a dose report's check (checkDosesPlausibility).
 */
export function dosePlausibilityWarnings(record: Partial<Record<DoseQuantity, number | null>>): ClinicalWarning[] {
  return checkDosesPlausibility(record).map((finding) =>
    clinicalWarning(PLAUSIBILITY_CODES[finding.quantity], 'check', finding.field, finding.words),
  );
}
