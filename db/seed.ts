import {
  type ComplicationEntry,
  canonicalDraft,
  type DrugAdministration,
  defaultForamen,
  followUpRelief,
  GLOBAL_IMPRESSIONS,
  type Indication,
  isIntravascularSpread,
  isUnsafeSpread,
  localDateOf,
  localDateTimeWithOffset,
  type ProcedureDraft,
  type Root,
  type SirGrade,
  type SpreadPattern,
  severityOfSirGrade,
  type Target,
  warnings,
  withSignedFacts,
} from './model/index.js';
import { drugCatalogue, referenceLevels, saveOperator } from './settings.js';
import type { WriteConnection } from './sqlite/connection.js';
import { readOperators } from './sqlite/operator-rows.js';
import { writeCarriedFollowUp, writeWholeRecord } from './sqlite/record-life.js';
import { consoleNameOf } from './sqlite/settings-rows.js';
import { newId, type ServiceContext, type Store } from './store.js';

/*
 * Realistic demo data from the published figures in docs/clinical-data.md: roots mostly
 * L5, then S1, then L4; CT mostly (DLP ≈ 199 ± 101 mGy·cm), some CT fluoroscopy (10.4 ± 7.5 s)
 * and conventional fluoroscopy; intravascular spread at about 8 % of lumbar and 20 % of S1 targets; dexamethasone 8 mg or
 * triamcinolone 40 mg with lidocaine or bupivacaine; NRS 5–9 before and mostly lower after.
 * Deterministic for a seed, so tests and benchmarks can rely on the same data.
 */

/** mulberry32: small, fast, good enough for demo data, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, weighted: readonly (readonly [T, number])[]): T => {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]?.[0] as T;
};
const between = (random: Random, min: number, max: number) => min + random() * (max - min);
const wholeBetween = (random: Random, min: number, max: number) => Math.floor(between(random, min, max + 1));

/** Draws what the record's own follow-up list took before schema 15, and gives nothing. */
function retiredFollowUpDraws(random: Random): Record<string, never> {
  if (random() < 0.2) wholeBetween(random, 0, 2);
  return {};
}
const normal = (random: Random, mean: number, sd: number) =>
  mean + sd * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

const FIRST_NAMES = [
  'Anna',
  'Jonas',
  'Maria',
  'Lukas',
  'Sofia',
  'Paul',
  'Emma',
  'Felix',
  'Lea',
  'Noah',
  'Mila',
  'Elias',
  'Clara',
  'Ben',
  'Ida',
];
const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Neumann',
  "O'Brien",
];
export const DEMO_OPERATORS = [
  'Dr. A. Keller',
  'Dr. B. Lang',
  'Dr. C. Vogel',
  'Dr. D. Roth',
  'Dr. E. Brandt',
  'Dr. F. Haas',
];

const ROOT_WEIGHTS: readonly (readonly [Root, number])[] = [
  ['L5', 62],
  ['S1', 20],
  ['L4', 13],
  ['L3', 4],
  ['L2', 1],
];

function spreadFor(random: Random, root: Root): SpreadPattern[] {
  // Intravascular uptake as published: about 8 % of lumbar targets and 20 % at S1 (Furman 2000).
  const intravascular = random() < (root === 'S1' ? 0.2 : 0.08);
  if (intravascular) return [random() < 0.85 ? 'intravascular_venous' : 'intravascular_arterial', 'perineural'];
  if (random() < 0.003) return ['intrathecal'];
  return pick(random, [
    [['perineural'], 55],
    [['perineural', 'epidural'], 25],
    [['perineural', 'intraforaminal'], 12],
    [['epidural'], 5],
    [['soft_tissue_only'], 2],
    [['not_assessed'], 1],
  ] as const).slice();
}

/** One signable procedure performed at `performedAt` by one of `operatorIds`. */
export function demoProcedure(random: Random, operatorIds: readonly string[], performedAt: Date): ProcedureDraft {
  const root = pick(random, ROOT_WEIGHTS);
  const side = random() < 0.5 ? 'left' : 'right';
  const shape = pick(random, [
    ['single', 85],
    ['bilateral', 8],
    ['two_level', 7],
  ] as const);
  const targetRoots: [Root, 'left' | 'right'][] = [[root, side]];
  if (shape === 'bilateral') targetRoots.push([root, side === 'left' ? 'right' : 'left']);
  if (shape === 'two_level') targetRoots.push([root === 'L4' ? 'L5' : root === 'S1' ? 'L5' : 'L4', side]);

  const targets: Target[] = targetRoots.map(([targetRoot, targetSide]) => {
    // A few S1 roots are reached retrodiscally, through the L5/S1 foramen.
    const retrodiscal = targetRoot === 'S1' && random() < 0.05;
    return {
      root: targetRoot,
      side: targetSide,
      foramen: retrodiscal ? 'L5/S1' : defaultForamen(targetRoot),
      approach: retrodiscal ? 'retrodiscal' : random() < 0.9 ? 'transforaminal' : 'periradicular_extraforaminal',
      needleGauge: random() < 0.8 ? 22 : 20,
      needleLengthMm: random() < 0.7 ? 90 : 120,
      needleRepositionings: pick(random, [
        [0, 50],
        [1, 30],
        [2, 15],
        [3, 5],
      ] as const),
      spread: spreadFor(random, targetRoot),
      provokedPain: pick(random, [
        ['none', 40],
        ['concordant', 50],
        ['non_concordant', 10],
      ] as const),
      injectionSlowed: random() < 0.15,
    };
  });
  // What was done after intravascular or intrathecal spread: mostly the needle moved and a
  // clean retest, else dexamethasone instead of a particulate steroid, rarely aborted.
  for (const target of targets) {
    if (!target.spread.some(isUnsafeSpread)) continue;
    target.abnormalSpreadAction = pick(random, [
      ['repositioned_clean_retest', 65],
      ['digital_subtraction', 10],
      ['switched_to_non_particulate', 20],
      ['aborted', 5],
    ] as const);
  }
  const caudalEpidural = random() < 0.1;

  const modality = pick(random, [
    ['ct', 70],
    ['ct_fluoroscopy', 15],
    ['fluoroscopy', 10],
    ['ct_and_fluoroscopy', 5],
  ] as const);
  const usesCt = modality !== 'fluoroscopy';
  const usesFluoro = modality !== 'ct';
  const dlp = usesCt ? round(Math.max(15, normal(random, 199, 101)), 1) : undefined;

  const drugs: DrugAdministration[] = [];
  const sites: (number | 'caudal')[] = [
    ...targets.map((_, index) => index),
    ...(caudalEpidural ? ['caudal' as const] : []),
  ];
  for (const site of sites) {
    const action = site === 'caudal' ? undefined : targets[site]?.abnormalSpreadAction;
    if (action === 'aborted') continue;
    // A particulate steroid only where the spread was clean (or became clean on a retest).
    const particulate = (action === undefined || action === 'repositioned_clean_retest') && random() < 0.3;
    drugs.push(
      particulate
        ? { drug: 'triamcinolone', doseMg: 40, site }
        : { drug: 'dexamethasone', doseMg: sites.length > 1 ? 4 : 8, site },
    );
    drugs.push(
      random() < 0.7
        ? { drug: 'lidocaine', concentrationMgPerMl: random() < 0.6 ? 10 : 20, volumeMl: random() < 0.5 ? 1 : 2, site }
        : { drug: 'bupivacaine', concentrationMgPerMl: random() < 0.7 ? 2.5 : 5, volumeMl: 1, site },
    );
  }

  const painPre = wholeBetween(random, 5, 9);
  const relief = pick(random, [
    [1, 25],
    [0.75, 25],
    [0.5, 25],
    [0.25, 15],
    [0, 9],
    [-0.2, 1],
  ] as const);
  const painPost = Math.min(10, Math.max(0, Math.round(painPre * (1 - relief))));

  // Published rates: vasovagal ≈ 1 %, dural puncture ≈ 0.04 %, major complications (SIR C–F)
  // ≈ 0.01–0.2 %; the intravascular injection is recorded wherever the spread was intravascular.
  const complication = pick(random, [
    ['none', 9640],
    ['vasovagal', 100],
    ['transient_motor_block', 180],
    ['dural_puncture', 4],
    ['post_dural_puncture_headache', 2],
    ['hematoma', 10],
    ['contrast_reaction', 40],
    ['infection', 2],
    ['new_neurological_deficit', 2],
    ['other', 20],
  ] as const);
  const sirGrade: SirGrade =
    complication === 'new_neurological_deficit'
      ? random() < 0.5
        ? 'D'
        : 'C'
      : complication === 'infection' || (complication === 'hematoma' && random() < 0.3)
        ? 'C'
        : random() < 0.7
          ? 'A'
          : 'B';
  const intravascularSpread = targets.some((target) => target.spread.some(isIntravascularSpread));
  const complications: ComplicationEntry[] = [];
  if (intravascularSpread) complications.push({ type: 'intravascular_injection', sirGrade: 'A', severity: 'minor' });
  if (complication !== 'none')
    complications.push({ type: complication, sirGrade, severity: severityOfSirGrade(sirGrade) });
  if (complications.length === 0) complications.push({ type: 'none' });
  const intrathecal = targets.some((target) => target.spread.includes('intrathecal'));
  const observe =
    intrathecal || complication === 'transient_motor_block' || complication === 'new_neurological_deficit';
  const start = performedAt.getHours() * 60 + performedAt.getMinutes();
  const tableMinutes = wholeBetween(random, 10, 25);
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const birthYear = wholeBetween(random, 1940, 2000);
  const sex = random() < 0.52 ? 'female' : 'male';
  const age = performedAt.getFullYear() - birthYear;
  // Pregnancy asked of women of 12–55: almost always excluded, now and then not (yet).
  const pregnancy =
    sex === 'female' && age >= 12 && age <= 55
      ? pick(random, [
          ['yes', 9650],
          ['not_excluded', 340],
          ['positive', 10],
        ] as const)
      : 'not_applicable';
  // ASRA, intermediate-risk procedure: aspirin alone may go on; anything else is paused.
  const [anticoagulation, anticoagulantClass] = pick(random, [
    [['none', 'none'], 80],
    [['continued', 'aspirin_alone'], 6],
    [['paused_per_protocol', 'other_antiplatelet'], 5],
    [['paused_per_protocol', 'doac'], 5],
    [['paused_per_protocol', 'warfarin'], 2],
    [['paused_per_protocol', 'heparin'], 1],
    [['continued', 'doac'], 1],
  ] as const);
  const indications: Indication[] = [
    pick(random, [
      ['disc_herniation', 45],
      ['foraminal_stenosis', 20],
      ['disc_protrusion', 15],
      ['central_canal_stenosis', 8],
      ['facet_arthropathy', 5],
      ['postoperative', 5],
      ['other', 2],
    ] as const),
  ];

  const draft: ProcedureDraft = {
    patientId: `P${wholeBetween(random, 1000000, 9999999)}`,
    patientName: `${pick(
      random,
      LAST_NAMES.map((name) => [name, 1] as const),
    )}, ${pick(
      random,
      FIRST_NAMES.map((name) => [name, 1] as const),
    )}`,
    birthDate: `${birthYear}-${String(wholeBetween(random, 1, 12)).padStart(2, '0')}-${String(wholeBetween(random, 1, 28)).padStart(2, '0')}`,
    sex,
    accessionNumber: `ACC${wholeBetween(random, 10000000, 99999999)}`,
    performedAt: localDateTimeWithOffset(performedAt),
    startedAt: hhmm(start),
    endedAt: hhmm(Math.min(start + tableMinutes, 23 * 60 + 59)),
    operatorId: operatorIds[Math.floor(random() * operatorIds.length)] ?? null,
    indications,
    symptomSide: shape === 'bilateral' ? 'bilateral' : side,
    priorInfiltrations: pick(random, [
      [0, 60],
      [1, 25],
      [2, 10],
      [3, 5],
    ] as const),
    consent: 'obtained',
    anticoagulation,
    anticoagulantClass,
    contrastAllergy: random() < 0.03 ? 'premedicated' : 'none',
    pregnancyExcluded: pregnancy,
    diabetes: random() < 0.12 ? 'yes' : 'no',
    position: 'prone',
    steroidAllergy: 'no',
    localAnaestheticAllergy: 'no',
    sedation: pick(random, [
      ['none', 90],
      ['oral_anxiolytic', 8],
      ['iv', 2],
    ] as const),
    weightKg: round(Math.min(160, Math.max(40, normal(random, 78, 15))), 0),
    timeOutLevelVerified: random() < 0.995,
    timeOutSideMarked: random() < 0.99,
    transitionalVertebra: random() < 0.08,
    targets,
    caudalEpidural,
    caudalSpread: caudalEpidural ? ['epidural'] : [],
    modality,
    ctdiVolMGy: usesCt && dlp ? round(dlp / between(random, 8, 14), 2) : undefined,
    dlpMGyCm: dlp,
    ctAcquisitions: usesCt ? wholeBetween(random, 4, 10) : undefined,
    fluoroTimeS: usesFluoro
      ? modality === 'fluoroscopy'
        ? round(between(random, 15, 90), 1)
        : round(Math.max(1, normal(random, 10.4, 7.5)), 1)
      : undefined,
    dapGyCm2: modality === 'fluoroscopy' ? round(between(random, 0.5, 5), 2) : undefined,
    contrastAgent: 'iopamidol_300',
    contrastVolumeMl: round(between(random, 0.5, 2), 1),
    drugs,
    painPre,
    painPost,
    painPostMinutes: 10,
    // The draws of the record's own follow-up list that schemas before 13 seeded, kept so that
    // a seed's procedures stay as they were (follow-ups are seeded as entries: seedFollowUps).
    ...retiredFollowUpDraws(random),
    complications,
    disposition: observe ? 'observation' : random() < 0.9 ? 'home_not_driving' : 'observation',
    noDrugReason: drugs.length === 0 ? 'Aborted after intravascular spread.' : undefined,
    notes: random() < 0.05 ? 'Patient anxious; slow contrast injection.' : undefined,
  };
  for (const key of Object.keys(draft) as (keyof ProcedureDraft)[]) if (draft[key] === undefined) delete draft[key];
  return canonicalDraft(draft);
}

export interface SeedOptions {
  count: number;
  seed?: number;
  /** Procedures are spread over this many years back from `until`. */
  years?: number;
  until?: Date;
  /** Also seed Saturdays and Sundays (the tests' "busy today" department, whatever the day). */
  weekends?: boolean;
  /** Day-1–3 calls and 2–6-week reviews, as a department records them (default: yes). */
  followUps?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Adds `count` signed procedures, in batched transactions (one fsync per batch, not per
 * record). Each gets its version snapshot and its create and sign audit rows, like a
 * record signed at the console.
 */
export function seedDatabase(
  store: Store,
  options: SeedOptions,
  context: ServiceContext,
): { added: number; operators: string[] } {
  const write = store.writer;
  const random = seededRandom(options.seed ?? 1);
  const until = options.until ?? new Date();
  const spanMs = (options.years ?? 3) * 365.25 * 24 * 3600 * 1000;
  const batchSize = options.batchSize ?? 1000;
  const existing = readOperators(write).filter((operator) => operator.active);
  const operatorIds = DEMO_OPERATORS.map(
    (name) => existing.find((operator) => operator.name === name)?.id ?? saveOperator(store, { name }, context).id,
  );
  const consoleName = consoleNameOf(write);
  const ruleSettings = { referenceLevels: referenceLevels(write), drugCatalogue: drugCatalogue(write) };
  // Follow-ups draw from a stream of their own, so the procedures of a seed stay as they were.
  const followRandom = seededRandom((options.seed ?? 1) + 7919);

  const writeBatch = write.db.transaction((size: number) => {
    for (let i = 0; i < size; i++) {
      // Weekday working hours, 08:00–16:00 local time, and never after `until`: a weekend
      // day or a time later than `until` steps back a day at a time (a seeded procedure in
      // the future would be a record no console could have made).
      const day = new Date(until.getTime() - random() * spanMs);
      day.setHours(8 + Math.floor(random() * 8), Math.floor(random() * 4) * 15, 0, 0);
      const weekend = () => !options.weekends && (day.getDay() === 0 || day.getDay() === 6);
      while (day.getTime() > until.getTime() || weekend()) {
        day.setDate(day.getDate() - 1);
      }
      const operatorIndex = Math.floor(random() * operatorIds.length);
      const draft = demoProcedure(random, [operatorIds[operatorIndex] as string], day);
      const found = warnings(draft, ruleSettings);
      // Above the department's reference level, the signer gives a reason, as at the console.
      if (found.some((warning) => warning.level === 'reference')) {
        draft.doseExceedanceReason = pick(random, [
          ['patient_size', 40],
          ['difficult_access', 30],
          ['repositioning', 20],
          ['training', 7],
          ['other', 3],
        ] as const);
      }
      const id = newId();
      // Signed as the app signs: with what the catalogue says of its drugs.
      const content = withSignedFacts({ ...draft, id }, ruleSettings.drugCatalogue);
      const signedAt = new Date(day.getTime() + 20 * 60 * 1000).toISOString();
      const signer = DEMO_OPERATORS[operatorIndex] as string;
      // Written whole, as an import writes a record signed elsewhere.
      writeWholeRecord(write, {
        id,
        content,
        life: {
          status: 'signed',
          version: 1,
          consoleName,
          createdAt: day.toISOString(),
          createdBy: signer,
          updatedAt: signedAt,
          signedBy: signer,
          signedAt,
          amendedBy: null,
          amendedAt: null,
          amendReason: null,
        },
        warningCodes: found.map((warning) => warning.code),
        versions: [{ version: 1, content, signedBy: signer, signedAt, reason: null }],
        followUps: [],
        history: [
          {
            at: day.toISOString(),
            actor: context.actor,
            action: 'create',
            version: 1,
            changes: { seeded: { before: null, after: true } },
            reason: null,
          },
          {
            at: signedAt,
            actor: signer,
            action: 'sign',
            version: 1,
            changes: { status: { before: 'draft', after: 'signed' } },
            reason: null,
          },
        ],
      });
      if (options.followUps !== false) seedFollowUps(write, followRandom, id, content, until, signer);
    }
  });

  let done = 0;
  while (done < options.count) {
    const size = Math.min(batchSize, options.count - done);
    writeBatch.immediate(size);
    done += size;
    options.onProgress?.(done, options.count);
  }
  return { added: done, operators: operatorIds };
}

/**
 * The follow-ups of one seeded procedure, as a department records them: most get a call on
 * day 1–3 and a review at 2–6 weeks, some are lost to follow-up. The anaesthetic has worn off
 * by the call (pain often back above the immediate score); by the review about 45 % report at
 * least 50 % relief (the published order of magnitude at 2–8 weeks).
 */
function seedFollowUps(
  write: WriteConnection,
  random: () => number,
  procedureId: string,
  content: ProcedureDraft,
  until: Date,
  recordedBy: string,
): void {
  const performed = localDateOf(content.performedAt as string);
  const before = content.painPre ?? 7;
  const responder = random() < 0.45;
  const plan: [days: number, chance: number, leg: number][] = [
    [1 + Math.floor(random() * 3), 0.85, before * (responder ? 0.3 + random() * 0.4 : 0.6 + random() * 0.4)],
    [14 + Math.floor(random() * 29), 0.7, before * (responder ? random() * 0.5 : 0.55 + random() * 0.55)],
  ];
  for (const [days, chance, leg] of plan) {
    if (random() >= chance) continue;
    const contactDate = new Date(Date.parse(`${performed}T12:00:00Z`) + days * 86_400_000);
    if (contactDate.getTime() > until.getTime()) continue;
    const legNrs = Math.max(0, Math.min(10, Math.round(leg)));
    const link = {
      id: newId(),
      procedureId,
      contactDate: contactDate.toISOString().slice(0, 10),
      daysAfter: days,
      method: random() < 0.8 ? 'phone' : 'visit',
      legNrs,
      backNrs: Math.max(0, Math.min(10, legNrs + Math.round(random() * 4 - 2))),
      globalImpression:
        GLOBAL_IMPRESSIONS[Math.max(0, Math.min(6, Math.round(3 - ((before - legNrs) / before) * 4)))] ?? null,
      reliefPercent: followUpRelief(before, legNrs),
      newComplications: '',
      furtherTreatment: days > 10 && legNrs >= before * 0.7 ? 'repeat_injection' : null,
      notes: null,
      supersedes: null,
      reason: null,
      recordedBy,
      recordedAt: new Date(contactDate.getTime() - 2 * 3600 * 1000).toISOString(),
    };
    writeCarriedFollowUp(write, link, null);
  }
}
