import type { Drug } from './catalogue.js';
import { formatDate, formatNumber } from './locale-format.js';
import { DEFAULT_DEPARTMENT_LOCALE } from './locales.js';
import { declareMessages, type Language, listInWords, type Speaking } from './messages.js';
import { reliefPercent } from './pain.js';
import { doseInMg, type ProcedureDraft } from './procedure.js';
import { DOSE_QUANTITY_MESSAGES, DOSE_QUANTITY_WORDS, type DoseQuantity } from './reference-levels.js';
import { codeInSentence } from './vocabulary-words.js';
import { WARNING_MESSAGES } from './warning-messages.js';
import { type Words, sentence as wordsOf } from './words.js';

/*
 * The procedure report, written from the record in the department's words, for the RIS/PACS
 * report. A template (edited in Settings) holds sections ("## Title") and placeholders
 * ("{drugs}"); a line whose placeholders are all empty is left out, and a section left with no
 * line is left out with its title — so the report never says "undefined" or shows an empty
 * heading. Pure: the caller supplies the names of operators and drugs.
 */

export const REPORT_PLACEHOLDERS = [
  'date',
  'procedure',
  'operator',
  'indication',
  'consent',
  'checks',
  'guidance',
  'contrast',
  'targets',
  'caudal',
  'drugs',
  'complications',
  'response',
  'disposition',
  'aftercare',
] as const;
export type ReportPlaceholder = (typeof REPORT_PLACEHOLDERS)[number];

/** The shipped template, modelled on structured procedure reports (indication, technique, findings, outcome). */
export const DEFAULT_REPORT_TEMPLATE = `## Procedure
{date}: {procedure}.
Operator: {operator}.

## Indication
{indication}

## Consent and safety checks
{consent}
{checks}

## Technique
{guidance}
{contrast}
{targets}
{caudal}

## Medication
{drugs}

## Complications
{complications}

## Immediate response
{response}

## Disposition and aftercare
{disposition}
{aftercare}`;

/** The shipped template in each language: the same placeholders, the headings in the report's language. */
export const DEFAULT_REPORT_TEMPLATES: Record<Language, string> = {
  en: DEFAULT_REPORT_TEMPLATE,
  de: `## Eingriff
{date}: {procedure}.
Durchführend: {operator}.

## Indikation
{indication}

## Aufklärung und Sicherheitsprüfungen
{consent}
{checks}

## Technik
{guidance}
{contrast}
{targets}
{caudal}

## Medikation
{drugs}

## Komplikationen
{complications}

## Unmittelbarer Effekt
{response}

## Entlassung und Nachsorge
{disposition}
{aftercare}`,
  fr: `## Intervention
{date} : {procedure}.
Opérateur : {operator}.

## Indication
{indication}

## Consentement et contrôles de sécurité
{consent}
{checks}

## Technique
{guidance}
{contrast}
{targets}
{caudal}

## Médicaments
{drugs}

## Complications
{complications}

## Effet immédiat
{response}

## Orientation et suites
{disposition}
{aftercare}`,
  it: `## Procedura
{date}: {procedure}.
Operatore: {operator}.

## Indicazione
{indication}

## Consenso e controlli di sicurezza
{consent}
{checks}

## Tecnica
{guidance}
{contrast}
{targets}
{caudal}

## Farmaci
{drugs}

## Complicanze
{complications}

## Effetto immediato
{response}

## Dimissione e indicazioni successive
{disposition}
{aftercare}`,
};

export interface ReportContext {
  operatorName?: string | null;
  /** The drug's name as the record knows it (a signed record: as signed). */
  drug: (code: string) => Drug | undefined;
  /** The report's language (the department's report language) and its translator. */
  speaking: Speaking;
  /** How the report writes dates and numbers (locales.ts: localeFor the report's language); de-CH until the department chooses. */
  locale?: string;
}

const R = 'Procedure report (to the RIS and on the record), for doctors';
export const REPORT_MESSAGES = declareMessages('report', {
  infiltration: ['lumbar nerve root infiltration', `${R}: what was done.`],
  guided: ['{modality}-guided {what}', `${R}: e.g. "CT-guided lumbar nerve root infiltration".`],
  ofTargets: ['{what} of {targets}', `${R}: e.g. "… infiltration of L5 left and L4 right".`],
  withCaudal: ['{what} with a caudal epidural injection', `${R}.`],
  target: ['{root} {side}', `${R}: a target, e.g. "L5 left"; {side} is the side's words.`],
  targetLine: [
    '{target}: {how}',
    `${R}: a target's line, e.g. "L5 left: transforaminal approach through the L5/S1 foramen"; write the colon as your language does (French: a space before it).`,
  ],
  clauses: [
    '{clauses}; {clause}',
    `${R}: one more clause of a sentence, e.g. "disc herniation; right-sided symptoms"; write the semicolon as your language does (French: a space before it).`,
  ],
  targetNumber: ['target {number}', `${R}: a target whose level is not recorded.`],
  symptomSide: [
    '{side, select, bilateral {bilateral symptoms} left {left-sided symptoms} right {right-sided symptoms} other {}}',
    `${R}: the indication.`,
  ],
  priorInfiltrations: [
    '{count, plural, one {# earlier infiltration} other {# earlier infiltrations}}',
    `${R}: the indication. French and Italian: also give the "many" form if your grammar needs it.`,
  ],
  consentObtained: ['Informed consent was obtained.', `${R}.`],
  consentNotObtained: ['Consent was not obtained.', `${R}.`],
  anticoagulationPaused: ['anticoagulation{drug} paused per protocol', `${R}: {drug} is " (DOAC)" or empty.`],
  anticoagulationContinued: ['anticoagulation{drug} continued', `${R}: {drug} is " (DOAC)" or empty.`],
  noAnticoagulation: ['no anticoagulation', `${R}.`],
  levelVerified: ['level verified on the images at the time-out', `${R}: safety checks.`],
  levelNotVerified: ['level NOT verified at the time-out', `${R}: safety checks; keep the emphasis.`],
  sideMarked: ['side marked', `${R}: safety checks.`],
  sideNotMarked: ['side NOT marked', `${R}: safety checks; keep the emphasis.`],
  transitionalVertebra: ['transitional lumbosacral vertebra noted', `${R}.`],
  premedicated: ['premedicated for a contrast allergy', `${R}.`],
  priorReaction: ['prior contrast reaction, not premedicated', `${R}.`],
  noIodinatedContrast: ['no iodinated contrast used because of an allergy', `${R}.`],
  steroidAllergy: ['known steroid allergy', `${R}.`],
  localAnaestheticAllergy: ['known local anaesthetic allergy', `${R}.`],
  pregnancyExcluded: ['pregnancy excluded', `${R}.`],
  pregnancyNotExcluded: ['pregnancy not excluded', `${R}.`],
  pregnancyPositive: ['pregnancy test positive', `${R}.`],
  sedation: ['sedation: {sedation}', `${R}: e.g. "sedation: oral anxiolytic".`],
  position: ['{position} position', `${R}: e.g. "prone position".`],
  ctAcquisitions: ['{count, plural, one {# CT acquisition} other {# CT acquisitions}}', `${R}: dose.`],
  fluoroscopyTime: ['fluoroscopy time {seconds} s', `${R}: dose.`],
  guidance: ['{modality} guidance', `${R}: e.g. "CT guidance".`],
  aboveReference: ['above the reference level: {reason}', `${R}: why the dose was above the reference level.`],
  noContrast: ['No contrast agent was used.', `${R}.`],
  contrast: ['contrast: {agent}', `${R}: e.g. "contrast: iohexol 240".`],
  approach: ['{approach} approach', `${R}: e.g. "transforaminal approach".`],
  noApproach: ['approach not recorded', `${R}.`],
  throughForamen: ['through the {foramen} foramen', `${R}: e.g. "through the L5/S1 foramen".`],
  needle: ['{needle} needle', `${R}: e.g. "22 G 90 mm needle".`],
  repositionings: ['{count, plural, one {# repositioning} other {# repositionings}}', `${R}: of the needle.`],
  spread: ['contrast spread {patterns}', `${R}: e.g. "contrast spread perineural and epidural".`],
  thenDone: ['then {action}', `${R}: what was done after an abnormal spread.`],
  provoked: ['{pain} pain provoked', `${R}: e.g. "concordant pain provoked".`],
  slowed: ['injected more slowly', `${R}.`],
  caudalInjection: ['caudal epidural injection', `${R}.`],
  asBase: ['(as base)', `${R}: a dose stated as the base, not the salt.`],
  givenCaudal: ['{drugs} in the caudal epidural injection', `${R}: the drugs given there.`],
  givenAt: ['{drugs} at {target}', `${R}: e.g. "dexamethasone 8 mg at L5 left".`],
  noDrug: ['no drug given: {reason}', `${R}.`],
  noComplications: ['No complications.', `${R}.`],
  severity: [
    '{complication} ({grade}{severity})',
    `${R}: e.g. "vasovagal (SIR A, minor)"; {grade} is "SIR A, " or empty.`,
  ],
  response: [
    'Pain NRS {before} before and {after} at {minutes, plural, one {# minute} other {# minutes}} after the injection{relief}.',
    `${R}: {relief} is " (57 % relief)" or empty.`,
  ],
  relief: [' ({percent} % relief)', `${R}: keep the leading space.`],
  home: ['Discharged home, not driving today.', `${R}.`],
  observation: ['Kept for observation.', `${R}.`],
  admitted: ['Admitted.', `${R}.`],
  expectNumb: ['Numbness or weakness of the leg for a few hours is expected.', `${R}: aftercare.`],
  expectCortisone: ['The cortisone usually begins to work after 1–3 days.', `${R}: aftercare.`],
  expectSugar: ['Blood sugar may rise for a few days: check it more often.', `${R}: aftercare.`],
  contact: [
    'Contact the department for fever, increasing pain, new weakness or numbness, or loss of bladder or bowel control.',
    `${R}: aftercare.`,
  ],
});
const M = REPORT_MESSAGES;

/** "a", "a and b", "a, b and c": items as a sentence lists them, in English (the other languages: listInWords). */
export const inWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const sentence = (text: string) =>
  text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}` : '';

/** Each placeholder's text for a record ('' when the record has nothing to say there). */
export function reportValues(record: ProcedureDraft, context: ReportContext): Record<ReportPlaceholder, string> {
  const { speaking } = context;
  const { t, language } = speaking;
  const words = (code: string | null | undefined) => codeInSentence(speaking, code);
  const list = (items: readonly string[]) => (language === 'en' ? inWords(items) : listInWords(items, language));
  const locale = context.locale ?? DEFAULT_DEPARTMENT_LOCALE;
  // Two decimals at most: a report is read, not computed with (the record keeps every digit).
  const number = (value: number) => formatNumber(value, locale, { maximumDecimals: 2 });
  // A sentence's clauses, each language writing its own semicolon ("a; b", French "a ; b").
  const clauses = (items: readonly string[]) =>
    items.filter(Boolean).reduce((joined, clause) => (joined ? t(M.clauses, { clauses: joined, clause }) : clause), '');
  // A dose figure named as the form and the warnings name it (French "PDL 150 mGy·cm").
  const doseFigure = (quantity: DoseQuantity, value: number | null | undefined) =>
    value == null
      ? ''
      : t(WARNING_MESSAGES.doseFigure, {
          name: t(DOSE_QUANTITY_MESSAGES[quantity]),
          value: number(value),
          unit: DOSE_QUANTITY_WORDS[quantity].unit,
        });
  const targetName = (index: number) => {
    const target = record.targets[index];
    return target
      ? t(M.target, { root: target.root ?? '?', side: words(target.side) }).trim()
      : t(M.targetNumber, { number: index + 1 });
  };
  const drugName = (code: string, signedName?: string | null) => signedName ?? context.drug(code)?.name ?? code;
  const modality = words(record.modality);

  const targetList = list(record.targets.map((_, index) => targetName(index)));
  let procedure = t(M.infiltration);
  if (modality) procedure = t(M.guided, { modality, what: procedure });
  if (targetList) procedure = t(M.ofTargets, { what: procedure, targets: targetList });
  if (record.caudalEpidural) procedure = t(M.withCaudal, { what: procedure });

  const indication = sentence(
    clauses([
      list(record.indications.map(words)),
      record.symptomSide ? t(M.symptomSide, { side: record.symptomSide }) : '',
      record.priorInfiltrations ? t(M.priorInfiltrations, { count: record.priorInfiltrations }) : '',
    ]),
  );

  const consent = record.consent === 'obtained' ? t(M.consentObtained) : record.consent ? t(M.consentNotObtained) : '';
  const anticoagulant =
    record.anticoagulantClass && record.anticoagulantClass !== 'none' ? ` (${words(record.anticoagulantClass)})` : '';
  const anticoagulation =
    record.anticoagulation === 'paused_per_protocol'
      ? t(M.anticoagulationPaused, { drug: anticoagulant })
      : record.anticoagulation === 'continued'
        ? t(M.anticoagulationContinued, { drug: anticoagulant })
        : record.anticoagulation === 'none'
          ? t(M.noAnticoagulation)
          : '';
  const contrastAllergy: Record<string, string> = {
    premedicated: t(M.premedicated),
    prior_reaction_not_premedicated: t(M.priorReaction),
    no_iodinated_contrast_used: t(M.noIodinatedContrast),
  };
  const pregnancy: Record<string, string> = {
    yes: t(M.pregnancyExcluded),
    not_excluded: t(M.pregnancyNotExcluded),
    positive: t(M.pregnancyPositive),
  };
  const sedationWords = words(record.sedation);
  const checks = sentence(
    clauses([
      record.timeOutLevelVerified
        ? t(M.levelVerified)
        : record.timeOutLevelVerified === false
          ? t(M.levelNotVerified)
          : '',
      record.timeOutSideMarked ? t(M.sideMarked) : record.timeOutSideMarked === false ? t(M.sideNotMarked) : '',
      record.transitionalVertebra ? t(M.transitionalVertebra) : '',
      anticoagulation,
      contrastAllergy[record.contrastAllergy ?? ''] ?? '',
      record.steroidAllergy === 'yes' ? t(M.steroidAllergy) : '',
      record.localAnaestheticAllergy === 'yes' ? t(M.localAnaestheticAllergy) : '',
      pregnancy[record.pregnancyExcluded ?? ''] ?? '',
      record.sedation && record.sedation !== 'none'
        ? language === 'en' && sedationWords.endsWith('sedation')
          ? sedationWords
          : language === 'en'
            ? `${sedationWords} sedation`
            : t(M.sedation, { sedation: sedationWords })
        : '',
      record.position ? t(M.position, { position: words(record.position) }) : '',
    ]),
  );

  const dose = [
    record.ctAcquisitions ? t(M.ctAcquisitions, { count: record.ctAcquisitions }) : '',
    doseFigure('dlpMGyCm', record.dlpMGyCm),
    doseFigure('ctdiVolMGy', record.ctdiVolMGy),
    record.fluoroTimeS != null ? t(M.fluoroscopyTime, { seconds: number(record.fluoroTimeS) }) : '',
    doseFigure('dapGyCm2', record.dapGyCm2),
  ].filter(Boolean);
  const guidance = modality
    ? sentence(
        `${clauses([t(M.guidance, { modality }), dose.join(', ')])}${record.doseExceedanceReason ? ` (${t(M.aboveReference, { reason: words(record.doseExceedanceReason) })})` : ''}`,
      )
    : '';
  const contrast =
    record.contrastAgent === 'none'
      ? t(M.noContrast)
      : record.contrastAgent
        ? sentence(
            `${t(M.contrast, { agent: words(record.contrastAgent) })}${record.contrastVolumeMl != null ? `, ${number(record.contrastVolumeMl)} mL` : ''}`,
          )
        : '';

  const drugsAt = (site: number | 'caudal') => record.drugs.filter((administration) => administration.site === site);
  const targets = record.targets
    .map((target, index) => {
      const needle = [
        target.needleGauge ? `${target.needleGauge} G` : '',
        target.needleLengthMm ? `${target.needleLengthMm} mm` : '',
      ]
        .filter(Boolean)
        .join(' ');
      const how = [
        target.approach ? t(M.approach, { approach: words(target.approach) }) : t(M.noApproach),
        target.foramen ? ` ${t(M.throughForamen, { foramen: target.foramen })}` : '',
        needle ? `, ${t(M.needle, { needle })}` : '',
        target.needleRepositionings ? `, ${t(M.repositionings, { count: target.needleRepositionings })}` : '',
      ].join('');
      return sentence(
        clauses([
          t(M.targetLine, { target: targetName(index), how }),
          target.spread.length > 0 ? t(M.spread, { patterns: list(target.spread.map(words)) }) : '',
          target.abnormalSpreadAction ? t(M.thenDone, { action: words(target.abnormalSpreadAction) }) : '',
          target.provokedPain && target.provokedPain !== 'none'
            ? t(M.provoked, { pain: words(target.provokedPain) })
            : '',
          target.injectionSlowed ? t(M.slowed) : '',
        ]),
      );
    })
    .join('\n');
  const caudal = record.caudalEpidural
    ? sentence(
        clauses([
          t(M.caudalInjection),
          record.caudalSpread.length > 0 ? t(M.spread, { patterns: list(record.caudalSpread.map(words)) }) : '',
          record.caudalAbnormalSpreadAction ? t(M.thenDone, { action: words(record.caudalAbnormalSpreadAction) }) : '',
          record.caudalProvokedPain && record.caudalProvokedPain !== 'none'
            ? t(M.provoked, { pain: words(record.caudalProvokedPain) })
            : '',
        ]),
      )
    : '';

  const sites: (number | 'caudal')[] = [...record.targets.map((_, index) => index), 'caudal'];
  const drugLines = sites
    .map((site) => {
      const given = drugsAt(site).map((administration) => {
        const mg = doseInMg(administration);
        const amount =
          mg != null
            ? `${number(mg)} mg`
            : administration.volumeMl != null
              ? `${number(administration.volumeMl)} mL`
              : '';
        return `${drugName(administration.drug, administration.asSigned?.name)}${amount ? ` ${amount}` : ''}${administration.doseSalt === 'base' ? ` ${t(M.asBase)}` : ''}`;
      });
      if (given.length === 0) return '';
      return sentence(
        site === 'caudal'
          ? t(M.givenCaudal, { drugs: list(given) })
          : t(M.givenAt, { drugs: list(given), target: targetName(site) }),
      );
    })
    .filter(Boolean);
  const drugs =
    drugLines.length > 0
      ? drugLines.join('\n')
      : record.noDrugReason
        ? sentence(t(M.noDrug, { reason: record.noDrugReason }))
        : '';

  const real = record.complications.filter((entry) => entry.type !== 'none');
  const complications =
    real.length > 0
      ? sentence(
          list(
            real.map((entry) =>
              entry.severity
                ? t(M.severity, {
                    complication: words(entry.type),
                    grade: entry.sirGrade ? `SIR ${entry.sirGrade}, ` : '',
                    severity: words(entry.severity),
                  })
                : words(entry.type),
            ),
          ),
        )
      : record.complications.some((entry) => entry.type === 'none')
        ? t(M.noComplications)
        : '';

  const relief = reliefPercent(record.painPre, record.painPost);
  const response =
    record.painPre != null && record.painPost != null
      ? t(M.response, {
          before: record.painPre,
          after: record.painPost,
          minutes: record.painPostMinutes ?? 10,
          relief: relief === undefined ? '' : t(M.relief, { percent: number(relief) }),
        })
      : '';

  const disposition =
    record.disposition === 'home_not_driving'
      ? t(M.home)
      : record.disposition === 'observation'
        ? t(M.observation)
        : record.disposition === 'admitted'
          ? t(M.admitted)
          : '';
  const steroid = record.drugs.some(
    (administration) =>
      context.drug(administration.drug)?.drugClass === 'steroid' || administration.asSigned?.drugClass === 'steroid',
  );
  const aftercare = [
    t(M.expectNumb),
    steroid ? t(M.expectCortisone) : '',
    steroid && record.diabetes === 'yes' ? t(M.expectSugar) : '',
    t(M.contact),
  ]
    .filter(Boolean)
    .join(' ');

  return {
    date: record.performedAt ? formatDate(record.performedAt, locale) : '',
    procedure: procedure ? `${procedure.charAt(0).toUpperCase()}${procedure.slice(1)}` : '',
    operator: context.operatorName ?? '',
    indication,
    consent,
    checks,
    guidance,
    contrast,
    targets,
    caudal,
    drugs,
    complications,
    response,
    disposition,
    aftercare,
  };
}

/** Placeholders a template names that the report does not know ("{drug}" for "{drugs}"). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)]
    .map((match) => match[1] as string)
    .filter((name) => !(REPORT_PLACEHOLDERS as readonly string[]).includes(name));
}

const TEMPLATE =
  'Above the report (the record) and in Settings → Report, read by the radiologist and IT: the template stored in the logbook is not text';
export const REPORT_TEMPLATE_MESSAGES = declareMessages('report.templateProblem', {
  notText: [
    'The report template stored in this logbook is {kind}, not text: reports are written with the shipped template until a template is saved in Settings.',
    `${TEMPLATE}. {kind}: what it is instead ("a number", "a list").`,
  ],
  list: ['a list', `${TEMPLATE}: what it is instead.`],
  number: ['a number', `${TEMPLATE}: what it is instead.`],
  trueOrFalse: ['true or false', `${TEMPLATE}: what it is instead (a yes/no value).`],
  setOfValues: ['a set of values', `${TEMPLATE}: what it is instead (a JSON object).`],
});
const T = REPORT_TEMPLATE_MESSAGES;

/** A stored value in words, for saying what it is when it is not what was expected. */
const kindOf = (value: unknown): Words =>
  wordsOf(
    Array.isArray(value)
      ? T.list
      : typeof value === 'number'
        ? T.number
        : typeof value === 'boolean'
          ? T.trueOrFalse
          : T.setOfValues,
  );

/**
 * The department's template as the settings hold it, read for a report. Saved through the app
 * it is always text; anything else (a number, a list, an object put there behind the app's
 * back, or by an older or broken tool) would break every report, so the shipped template is
 * used instead and the problem said in words (said in the reader's language by the window).
 * Text is taken as it is: a placeholder this version does not know is left empty, as at any time.
 */
export function readReportTemplate(stored: unknown): { template: string; problem: Words | null } {
  if (typeof stored === 'string') return { template: stored, problem: null };
  if (stored === undefined || stored === null) return { template: DEFAULT_REPORT_TEMPLATE, problem: null };
  return { template: DEFAULT_REPORT_TEMPLATE, problem: wordsOf(T.notText, { kind: kindOf(stored) }) };
}

/** The report: the template filled in, lines and sections without content left out. */
export function procedureReport(
  record: ProcedureDraft,
  context: ReportContext,
  stored: unknown = DEFAULT_REPORT_TEMPLATE,
): string {
  const { template } = readReportTemplate(stored);
  const values = reportValues(record, context);
  const sections: { title: string | null; lines: string[] }[] = [{ title: null, lines: [] }];
  for (const raw of template.split('\n')) {
    const heading = /^##\s+(.*)$/.exec(raw.trim());
    if (heading) {
      sections.push({ title: heading[1] ?? '', lines: [] });
      continue;
    }
    const placeholders = [...raw.matchAll(/\{([a-z]+)\}/g)].map((match) => match[1] as ReportPlaceholder);
    const filled = raw.replace(/\{([a-z]+)\}/g, (_, name: ReportPlaceholder) => values[name] ?? '');
    // A line made of placeholders only shows when one of them has something to say.
    if (placeholders.length > 0 && placeholders.every((name) => !values[name])) continue;
    if (filled.trim() === '') continue;
    (sections[sections.length - 1] as { lines: string[] }).lines.push(
      ...filled.split('\n').map((line) => line.trimEnd()),
    );
  }
  return sections
    .filter((section) => section.lines.length > 0)
    .map((section) => (section.title ? [section.title.toUpperCase(), ...section.lines] : section.lines).join('\n'))
    .join('\n\n');
}
