import type { Drug } from './catalogue.js';
import type { ClinicalWarning, SameDaySteroidMg } from './clinical-warning.js';
import { concentrationWarnings } from './concentration.js';
import { dosePlausibilityWarnings } from './dose-plausibility.js';
import { doseMaximumWarnings } from './dose-rules.js';
import { copyOfPlainData, samePlainData } from './draft-parse.js';
import type { Message } from './messages.js';
import type { ProcedureDraft } from './procedure.js';
import { notingReads, type Reads, sameOnReads, withReads } from './reads.js';
import { referenceLevelWarnings } from './reference-warnings.js';
import { ANTICOAGULANT_WORDS, reviewWarnings } from './review-rules.js';
import { type SameDayRecord, sameDayWarnings } from './same-day-rules.js';
import type { RuleSettings } from './settings.js';
import { catalogueForRecord } from './signed-drugs.js';
import { spinalSafetyWarnings } from './spinal-rules.js';
import { tableTimeWarnings } from './table-time.js';
import { isUnsafeSpread } from './vocabularies.js';
import { clinicalWarning, WARNING_MESSAGES } from './warning-messages.js';
import { sentence, type WordList } from './words.js';

export type { ClinicalWarning, SameDaySteroidMg, WarningCode, WarningLevel } from './clinical-warning.js';
export { WARNING_CODES } from './clinical-warning.js';

const W = WARNING_MESSAGES;
const UNSAFE_SPREAD_WORDS: Record<string, Message> = {
  intravascular_venous: W.spreadIntravascularVenous,
  intravascular_arterial: W.spreadIntravascularArterial,
  intrathecal: W.spreadIntrathecal,
};
const spreadWords = (patterns: readonly string[]): WordList => ({
  list: patterns.flatMap((pattern) => {
    const message = UNSAFE_SPREAD_WORDS[pattern];
    return message ? [sentence(message)] : [];
  }),
});
const SIDE_WORDS: Record<'left' | 'right', Message> = { left: W.sideLeft, right: W.sideRight };

/** What a rule reads besides the record: the department's settings and the patient's other records that day. */
export interface RuleGiven {
  settings: RuleSettings;
  /** The record's own catalogue (catalogueForRecord), by code. */
  catalogue: ReadonlyMap<string, Drug>;
  sameDaySteroidMg: SameDaySteroidMg;
  sameDayRecords: readonly SameDayRecord[];
}

/** One clinical rule: pure, it reads only the record and what it is given. */
type Rule = (record: ProcedureDraft, given: RuleGiven) => readonly ClinicalWarning[];

function particulateAfterUnsafeSpread(record: ProcedureDraft, { catalogue }: RuleGiven): ClinicalWarning[] {
  const found: ClinicalWarning[] = [];
  record.drugs.forEach((administration, index) => {
    const drug = catalogue.get(administration.drug);
    if (!drug?.particulate || administration.site == null) return;
    const site = administration.site;
    const target = site === 'caudal' ? undefined : record.targets[site];
    const spread = site === 'caudal' ? record.caudalSpread : target?.spread;
    if (!spread?.some(isUnsafeSpread)) return;
    // The needle was moved and a second contrast injection showed no vascular or intrathecal
    // spread: the position the steroid went to is the clean one.
    const action = site === 'caudal' ? record.caudalAbnormalSpreadAction : target?.abnormalSpreadAction;
    if (action === 'repositioned_clean_retest') return;
    const where = site === 'caudal' ? sentence(W.atCaudal) : sentence(W.atTarget, { number: site + 1 });
    found.push(
      clinicalWarning(
        'particulate_after_unsafe_spread',
        'safety',
        `drugs[${index}].drug`,
        sentence(W.particulateAfterUnsafeSpread, {
          drug: drug.name,
          where,
          spread: spreadWords(spread),
          retest: action ? '' : sentence(W.noCleanRetest),
        }),
      ),
    );
  });
  return found;
}

function sideDiffersFromSymptoms(record: ProcedureDraft): ClinicalWarning[] {
  if (record.symptomSide !== 'left' && record.symptomSide !== 'right') return [];
  const symptomSide = record.symptomSide;
  const found: ClinicalWarning[] = [];
  record.targets.forEach((target, index) => {
    if (target.side && target.side !== symptomSide) {
      found.push(
        clinicalWarning(
          'side_differs_from_symptoms',
          'check',
          `targets[${index}].side`,
          sentence(W.sideDiffersFromSymptoms, {
            number: index + 1,
            side: target.side === 'left' || target.side === 'right' ? sentence(SIDE_WORDS[target.side]) : target.side,
            symptomSide: sentence(SIDE_WORDS[symptomSide]),
          }),
        ),
      );
    }
  });
  return found;
}

// ASRA (interventional spine, intermediate-risk procedures): aspirin alone may be continued
// after a shared assessment; any other anticoagulant or antiplatelet is paused per protocol.
function anticoagulationContinued(record: ProcedureDraft): ClinicalWarning[] {
  if (record.anticoagulation !== 'continued' || record.anticoagulantClass === 'aspirin_alone') return [];
  const anticoagulant = record.anticoagulantClass ? ANTICOAGULANT_WORDS[record.anticoagulantClass] : undefined;
  return [
    clinicalWarning(
      'anticoagulation_continued',
      'safety',
      'anticoagulation',
      anticoagulant
        ? sentence(W.anticoagulationContinuedOf, { anticoagulant: sentence(anticoagulant) })
        : sentence(W.anticoagulationContinued),
    ),
  ];
}

function painWorseAfter(record: ProcedureDraft): ClinicalWarning[] {
  if (record.painPre == null || record.painPost == null || record.painPost <= record.painPre) return [];
  return [
    clinicalWarning(
      'pain_worse_after',
      'check',
      'painPost',
      sentence(W.painWorseAfter, { after: record.painPost, before: record.painPre }),
    ),
  ];
}

function diabetesGlucoseReminder(record: ProcedureDraft, { catalogue }: RuleGiven): ClinicalWarning[] {
  if (record.diabetes !== 'yes') return [];
  const steroidGiven = record.drugs.some(
    (administration) => catalogue.get(administration.drug)?.drugClass === 'steroid',
  );
  return steroidGiven
    ? [clinicalWarning('diabetes_glucose_reminder', 'reminder', 'diabetes', sentence(W.diabetesGlucoseReminder))]
    : [];
}

/** The rules, in the order their warnings are listed. */
const RULES: readonly Rule[] = [
  particulateAfterUnsafeSpread,
  (record, { catalogue, settings, sameDaySteroidMg }) =>
    doseMaximumWarnings(record, catalogue, settings, sameDaySteroidMg),
  (record, { catalogue }) => concentrationWarnings(record, catalogue),
  (record) => dosePlausibilityWarnings(record),
  (record, { settings }) => referenceLevelWarnings(record, settings.referenceLevels),
  (record, { sameDayRecords }) => sameDayWarnings(record, sameDayRecords),
  (record) => tableTimeWarnings(record),
  sideDiffersFromSymptoms,
  anticoagulationContinued,
  painWorseAfter,
  diabetesGlucoseReminder,
  (record, { catalogue }) => spinalSafetyWarnings(record, catalogue),
  (record, { catalogue }) => reviewWarnings(record, catalogue),
];

const NO_STEROID_EARLIER: SameDaySteroidMg = Object.freeze({});
const NO_OTHER_RECORDS: readonly SameDayRecord[] = Object.freeze([]);

// A signed record's drugs are judged by what the catalogue said when it was signed.
const catalogueOf = (record: ProcedureDraft, settings: RuleSettings): ReadonlyMap<string, Drug> =>
  new Map<string, Drug>(catalogueForRecord(record, settings.drugCatalogue).map((drug) => [drug.code, drug]));

/**
 * The clinical rules (docs/clinical-data.md, the clinical warnings), shown beside their fields while typing and
 * confirmed at signing. Pure: the caller supplies the department's settings and, for the
 * day's steroid total and the same root twice on one day, what the logbook holds of the
 * patient's other records that day (the window cannot see them: it keeps what the last save
 * answered, see OTHER_RECORDS_WARNINGS).
 */
export function warnings(
  record: ProcedureDraft,
  settings: RuleSettings,
  sameDaySteroidMg: SameDaySteroidMg = NO_STEROID_EARLIER,
  sameDayRecords: readonly SameDayRecord[] = NO_OTHER_RECORDS,
): ClinicalWarning[] {
  const given: RuleGiven = { settings, catalogue: catalogueOf(record, settings), sameDaySteroidMg, sameDayRecords };
  return RULES.flatMap((rule) => rule(record, given));
}

/** What one rule read and found, for the next save of the same draft. */
interface RuleRun {
  record: Reads;
  /** Of what it is given (RuleGiven's keys): the settings, the catalogue, the patient's day. */
  given: Reads;
  found: readonly ClinicalWarning[];
}

/**
 * The warnings of a draft with what each rule read to find them (the autosave holds them with
 * the draft it saved, issue 22). The record is the one they were found for: the holder keeps
 * a copy (heldWarningsCopy), since the caller's may change.
 */
export interface HeldWarnings {
  readonly record: ProcedureDraft;
  readonly settings: RuleSettings;
  readonly day: Pick<RuleGiven, 'sameDaySteroidMg' | 'sameDayRecords'>;
  /** What the record's catalogue read of it (catalogueForRecord), once any rule read the catalogue. */
  readonly catalogue: Reads | undefined;
  readonly runs: readonly RuleRun[];
}

const SETTINGS_READ = 'settings';
const CATALOGUE_READ = 'catalogue';

/**
 * warnings(), running again only the rules that read something that changed since `held`
 * (a field of the record, a setting, the patient's day): the others' warnings are kept, so
 * one field typed runs the few rules that read it. Each rule runs behind views of the record
 * and of what it is given that note what it reads (reads.ts); a rule that read the settings
 * depends on all of them, one that read the catalogue on the fields and setting it is made
 * from. Gives what warnings() gives, in the same order.
 */
export function warningsSince(
  held: HeldWarnings | undefined,
  record: ProcedureDraft,
  settings: RuleSettings,
  sameDaySteroidMg: SameDaySteroidMg = NO_STEROID_EARLIER,
  sameDayRecords: readonly SameDayRecord[] = NO_OTHER_RECORDS,
): { found: ClinicalWarning[]; held: HeldWarnings } {
  const day = { sameDaySteroidMg, sameDayRecords };
  const sameRecord = new Map<PropertyKey, boolean>();
  const sameDay = new Map<PropertyKey, boolean>();
  let sameSettings: boolean | undefined;
  let sameCatalogue: boolean | undefined;
  const settingsKept = (before: HeldWarnings) =>
    (sameSettings ??= sameOnReads({ keys: new Set(), every: true }, before.settings, settings));
  const catalogueKept = (before: HeldWarnings) =>
    (sameCatalogue ??=
      before.catalogue !== undefined &&
      samePlainData(before.settings.drugCatalogue, settings.drugCatalogue) &&
      sameOnReads(before.catalogue, before.record, record, sameRecord));
  const keeps = (run: RuleRun, before: HeldWarnings) => {
    for (const key of run.given.keys) {
      if (key === SETTINGS_READ ? !settingsKept(before) : key === CATALOGUE_READ ? !catalogueKept(before) : false)
        return false;
    }
    return (
      sameOnReads(run.record, before.record, record, sameRecord) &&
      sameOnReads({ keys: run.given.keys, every: false }, before.day, day, sameDay)
    );
  };
  let catalogue: { map: ReadonlyMap<string, Drug>; reads: Reads } | undefined;
  const catalogueMade = () => {
    if (!catalogue) {
      const { result, reads } = withReads(record, (view) => catalogueOf(view, settings));
      catalogue = { map: result, reads };
    }
    return catalogue;
  };
  const runs = RULES.map((rule, index): RuleRun => {
    const before = held?.runs[index];
    if (held && before && keeps(before, held)) return before;
    const ofRecord = notingReads(record);
    const ofGiven = notingReads<RuleGiven>({
      settings,
      get catalogue() {
        return catalogueMade().map;
      },
      sameDaySteroidMg,
      sameDayRecords,
    });
    return { record: ofRecord.reads, given: ofGiven.reads, found: rule(ofRecord.view, ofGiven.view) };
  });
  // A kept rule's warnings are the held copies: the caller gets its own.
  const found = runs.flatMap((run, index) =>
    run === held?.runs[index] && run.found.length > 0 ? structuredClone(run.found) : run.found,
  );
  // The catalogue's reads are kept while a held rule still depends on them.
  const catalogueReads = catalogue?.reads ?? (sameCatalogue ? held?.catalogue : undefined);
  return { found, held: { record, settings, day, catalogue: catalogueReads, runs } };
}

/** Held warnings as the holder keeps them: the record and the warnings copied, the settings and the day as given. */
export function heldWarningsCopy(held: HeldWarnings): HeldWarnings {
  return {
    ...held,
    // The record is plain data (parsed): copied as such, cheaper than a structured clone.
    record: (copyOfPlainData(held.record) as ProcedureDraft | undefined) ?? structuredClone(held.record),
    runs: held.runs.map((run) => (run.found.length === 0 ? run : { ...run, found: structuredClone(run.found) })),
  };
}

/**
 * The warnings only the logbook can give, from the patient's other records of the day: the
 * window's live check cannot, so it keeps them from the last save until the next answers.
 */
export const OTHER_RECORDS_WARNINGS: readonly ClinicalWarning['code'][] = [
  'day_steroid_above_maximum',
  'same_root_same_day',
];
