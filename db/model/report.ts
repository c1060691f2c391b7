import type { Drug } from './catalogue.js';
import type { Language } from './messages.js';
import { reliefPercent } from './pain.js';
import { doseInMg, type ProcedureDraft } from './procedure.js';
import { inSentence } from './vocabulary-words.js';

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
}

/** A stored code in a sentence: its words (vocabulary-words.ts), lower case but for acronyms. */
const words = inSentence;
/** "a", "a and b", "a, b and c": items as a sentence lists them (the aftercare sheet's lists too). */
export const inWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const sentence = (text: string) =>
  text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}` : '';
const number = (value: number) => String(Math.round(value * 100) / 100);

const CONTRAST_ALLERGY_WORDS: Record<string, string> = {
  premedicated: 'premedicated for a contrast allergy',
  prior_reaction_not_premedicated: 'prior contrast reaction, not premedicated',
  no_iodinated_contrast_used: 'no iodinated contrast used because of an allergy',
};
const PREGNANCY_WORDS: Record<string, string> = {
  yes: 'pregnancy excluded',
  not_excluded: 'pregnancy not excluded',
  positive: 'pregnancy test positive',
};

/** Each placeholder's text for a record ('' when the record has nothing to say there). */
export function reportValues(record: ProcedureDraft, context: ReportContext): Record<ReportPlaceholder, string> {
  const targetName = (index: number) => {
    const target = record.targets[index];
    return target ? `${target.root ?? '?'} ${target.side ?? ''}`.trim() : `target ${index + 1}`;
  };
  const drugName = (code: string, signedName?: string | null) => signedName ?? context.drug(code)?.name ?? code;
  const modality = words(record.modality);

  const targetList = inWords(record.targets.map((_, index) => targetName(index)));
  const procedure = [
    `${modality ? `${modality}-guided ` : ''}lumbar nerve root infiltration${targetList ? ` of ${targetList}` : ''}`,
    record.caudalEpidural ? 'with a caudal epidural injection' : '',
  ]
    .filter(Boolean)
    .join(' ');

  const indication = sentence(
    [
      inWords(record.indications.map(words)),
      record.symptomSide
        ? `${record.symptomSide === 'bilateral' ? 'bilateral' : `${record.symptomSide}-sided`} symptoms`
        : '',
      record.priorInfiltrations
        ? `${record.priorInfiltrations} earlier infiltration${record.priorInfiltrations === 1 ? '' : 's'}`
        : '',
    ]
      .filter(Boolean)
      .join('; '),
  );

  const consent =
    record.consent === 'obtained'
      ? 'Informed consent was obtained.'
      : record.consent
        ? 'Consent was not obtained.'
        : '';
  const anticoagulation =
    record.anticoagulation === 'paused_per_protocol'
      ? `anticoagulation${record.anticoagulantClass && record.anticoagulantClass !== 'none' ? ` (${words(record.anticoagulantClass)})` : ''} paused per protocol`
      : record.anticoagulation === 'continued'
        ? `anticoagulation${record.anticoagulantClass && record.anticoagulantClass !== 'none' ? ` (${words(record.anticoagulantClass)})` : ''} continued`
        : record.anticoagulation === 'none'
          ? 'no anticoagulation'
          : '';
  const checks = sentence(
    [
      record.timeOutLevelVerified
        ? 'level verified on the images at the time-out'
        : record.timeOutLevelVerified === false
          ? 'level NOT verified at the time-out'
          : '',
      record.timeOutSideMarked ? 'side marked' : record.timeOutSideMarked === false ? 'side NOT marked' : '',
      record.transitionalVertebra ? 'transitional lumbosacral vertebra noted' : '',
      anticoagulation,
      CONTRAST_ALLERGY_WORDS[record.contrastAllergy ?? ''] ?? '',
      record.steroidAllergy === 'yes' ? 'known steroid allergy' : '',
      record.localAnaestheticAllergy === 'yes' ? 'known local anaesthetic allergy' : '',
      PREGNANCY_WORDS[record.pregnancyExcluded ?? ''] ?? '',
      record.sedation && record.sedation !== 'none'
        ? words(record.sedation).endsWith('sedation')
          ? words(record.sedation)
          : `${words(record.sedation)} sedation`
        : '',
      record.position ? `${record.position} position` : '',
    ]
      .filter(Boolean)
      .join('; '),
  );

  const dose = [
    record.ctAcquisitions ? `${record.ctAcquisitions} CT acquisitions` : '',
    record.dlpMGyCm != null ? `DLP ${number(record.dlpMGyCm)} mGy·cm` : '',
    record.ctdiVolMGy != null ? `CTDIvol ${number(record.ctdiVolMGy)} mGy` : '',
    record.fluoroTimeS != null ? `fluoroscopy time ${number(record.fluoroTimeS)} s` : '',
    record.dapGyCm2 != null ? `DAP ${number(record.dapGyCm2)} Gy·cm²` : '',
  ].filter(Boolean);
  const guidance = modality
    ? sentence(
        `${modality} guidance${dose.length > 0 ? `; ${dose.join(', ')}` : ''}${record.doseExceedanceReason ? ` (above the reference level: ${words(record.doseExceedanceReason)})` : ''}`,
      )
    : '';
  const contrast =
    record.contrastAgent === 'none'
      ? 'No contrast agent was used.'
      : record.contrastAgent
        ? sentence(
            `contrast: ${words(record.contrastAgent)}${record.contrastVolumeMl != null ? `, ${number(record.contrastVolumeMl)} mL` : ''}`,
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
      return sentence(
        [
          `${targetName(index)}: ${target.approach ? `${words(target.approach)} approach` : 'approach not recorded'}${target.foramen ? ` through the ${target.foramen} foramen` : ''}${needle ? `, ${needle} needle` : ''}${target.needleRepositionings ? `, ${target.needleRepositionings} repositioning${target.needleRepositionings === 1 ? '' : 's'}` : ''}`,
          target.spread.length > 0 ? `contrast spread ${inWords(target.spread.map(words))}` : '',
          target.abnormalSpreadAction ? `then ${words(target.abnormalSpreadAction)}` : '',
          target.provokedPain && target.provokedPain !== 'none' ? `${words(target.provokedPain)} pain provoked` : '',
          target.injectionSlowed ? 'injected more slowly' : '',
        ]
          .filter(Boolean)
          .join('; '),
      );
    })
    .join('\n');
  const caudal = record.caudalEpidural
    ? sentence(
        [
          'caudal epidural injection',
          record.caudalSpread.length > 0 ? `contrast spread ${inWords(record.caudalSpread.map(words))}` : '',
          record.caudalAbnormalSpreadAction ? `then ${words(record.caudalAbnormalSpreadAction)}` : '',
          record.caudalProvokedPain && record.caudalProvokedPain !== 'none'
            ? `${words(record.caudalProvokedPain)} pain provoked`
            : '',
        ]
          .filter(Boolean)
          .join('; '),
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
        return `${drugName(administration.drug, administration.asSigned?.name)}${amount ? ` ${amount}` : ''}${administration.doseSalt === 'base' ? ' (as base)' : ''}`;
      });
      if (given.length === 0) return '';
      return sentence(
        `${inWords(given)} ${site === 'caudal' ? 'in the caudal epidural injection' : `at ${targetName(site)}`}`,
      );
    })
    .filter(Boolean);
  const drugs =
    drugLines.length > 0
      ? drugLines.join('\n')
      : record.noDrugReason
        ? sentence(`no drug given: ${record.noDrugReason}`)
        : '';

  const real = record.complications.filter((entry) => entry.type !== 'none');
  const complications =
    real.length > 0
      ? sentence(
          inWords(
            real.map(
              (entry) =>
                `${words(entry.type)}${entry.severity ? ` (${entry.sirGrade ? `SIR ${entry.sirGrade}, ` : ''}${entry.severity})` : ''}`,
            ),
          ),
        )
      : record.complications.some((entry) => entry.type === 'none')
        ? 'No complications.'
        : '';

  const relief = reliefPercent(record.painPre, record.painPost);
  const response =
    record.painPre != null && record.painPost != null
      ? `Pain NRS ${record.painPre} before and ${record.painPost} at ${record.painPostMinutes ?? 10} minutes after the injection${relief === undefined ? '' : ` (${relief} % relief)`}.`
      : '';

  const disposition =
    record.disposition === 'home_not_driving'
      ? 'Discharged home, not driving today.'
      : record.disposition === 'observation'
        ? 'Kept for observation.'
        : record.disposition === 'admitted'
          ? 'Admitted.'
          : '';
  const steroid = record.drugs.some(
    (administration) =>
      context.drug(administration.drug)?.drugClass === 'steroid' || administration.asSigned?.drugClass === 'steroid',
  );
  const aftercare = [
    'Numbness or weakness of the leg for a few hours is expected.',
    steroid ? 'The cortisone usually begins to work after 1–3 days.' : '',
    steroid && record.diabetes === 'yes' ? 'Blood sugar may rise for a few days: check it more often.' : '',
    'Contact the department for fever, increasing pain, new weakness or numbness, or loss of bladder or bowel control.',
  ]
    .filter(Boolean)
    .join(' ');

  return {
    date: record.performedAt ? record.performedAt.slice(0, 10) : '',
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

/** The report: the template filled in, lines and sections without content left out. */
export function procedureReport(
  record: ProcedureDraft,
  context: ReportContext,
  template: string = DEFAULT_REPORT_TEMPLATE,
): string {
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
