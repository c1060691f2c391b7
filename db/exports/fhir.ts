import { createHash } from 'node:crypto';
import {
  clinicalValuesOnly,
  codeMessage,
  type Drug,
  inSentence,
  type ProcedureDraft,
  REPORT_MESSAGES,
  type Speaking,
  TARGET_FIELDS,
  words,
} from '../model/index.js';
import { catalogueForOldSignedRecords, drugCatalogue } from '../settings.js';
import type { ReadConnection } from '../sqlite/connection.js';
import { dosesGivenMg } from '../sqlite/drug-rows.js';
import { checkpoint, type WriterControl, writeAtomically, writeChunk } from './atomic-file.js';
import type { ExportOptions } from './options.js';
import { coarseDate, pseudonym } from './pseudonyms.js';
import { type ExportedRecord, readExportedRecord, recordIds } from './records.js';
import type { RowContext } from './tabular.js';

/*
 * FHIR R4 Bundle (type "collection"): per record a Procedure (code, body site per target
 * with laterality, complications), a MedicationAdministration per drug, Observations for the
 * pain NRS before and after and at each follow-up (LOINC 72514-3), the contrast spread per target, the
 * radiation dose (DICOM DCM codes, as the HL7 Radiation Dose Summary IG has it: the RDSR's SOP
 * Instance UID as its identifier), the imaging study by its Study Instance UID, the order by its
 * accession number, the contrast agent as its own MedicationAdministration (drugs with
 * WHO ATC codes, SNOMED CT routes, the lot as Medication.batch), and one Patient per patient (a
 * keyed-hash identifier when pseudonymised). RootLog's own code systems are http URLs (below).
 */

/**
 * RootLog's own code and identifier systems, as http canonical URLs under one base (FHIR wants
 * a URL for a code system and requires one for an extension); documented in docs/architecture.md.
 */
export const ROOTLOG_FHIR_BASE = 'http://rootlog.org/fhir';
const SYSTEM = {
  patientId: `${ROOTLOG_FHIR_BASE}/identifier/patient-id`,
  patientPseudonym: `${ROOTLOG_FHIR_BASE}/identifier/patient-pseudonym`,
  accession: `${ROOTLOG_FHIR_BASE}/identifier/accession-number`,
  recordId: `${ROOTLOG_FHIR_BASE}/identifier/record-id`,
  recordPseudonym: `${ROOTLOG_FHIR_BASE}/identifier/record-pseudonym`,
  procedure: `${ROOTLOG_FHIR_BASE}/CodeSystem/procedure`,
  root: `${ROOTLOG_FHIR_BASE}/CodeSystem/nerve-root`,
  drug: `${ROOTLOG_FHIR_BASE}/CodeSystem/drug`,
  dose: `${ROOTLOG_FHIR_BASE}/CodeSystem/radiation-dose`,
  complication: `${ROOTLOG_FHIR_BASE}/CodeSystem/complication`,
  indication: `${ROOTLOG_FHIR_BASE}/CodeSystem/indication`,
  spread: `${ROOTLOG_FHIR_BASE}/CodeSystem/contrast-spread`,
  contrast: `${ROOTLOG_FHIR_BASE}/CodeSystem/contrast-agent`,
  doseSource: `${ROOTLOG_FHIR_BASE}/CodeSystem/dose-source`,
  /** DICOM UIDs as FHIR writes them: urn:oid:… under this system. */
  dicomUid: 'urn:dicom:uid',
  bcp47: 'urn:ietf:bcp:47',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  /** The Radiation Dose Summary IG's identifier types (SOP and Study Instance UID). */
  dicomIdentifierType: 'http://hl7.org/fhir/uv/radiation-dose-summary/CodeSystem/dicom-identifier-type',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
  atc: 'http://www.whocc.no/atc',
};
const LATERALITY_EXTENSION = `${ROOTLOG_FHIR_BASE}/StructureDefinition/laterality`;
const LATERALITY = {
  left: { code: '7771000', display: 'Left' },
  right: { code: '24028007', display: 'Right' },
} as const;
const PAIN_NRS = {
  system: SYSTEM.loinc,
  code: '72514-3',
  display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
};

/** LOINC 73569-6, the Radiation Dose Summary IG's code for a dose summary Observation. */
const RADIATION_EXPOSURE = {
  system: SYSTEM.loinc,
  code: '73569-6',
  display: 'Radiation exposure and protection information [Description] Document Diagnostic imaging',
};

/** The FHIR code systems of the DICOM coding scheme designators a RIS uses; a local scheme (99…) has none. */
const CODING_SCHEMES: Readonly<Record<string, string>> = {
  LN: SYSTEM.loinc,
  SCT: SYSTEM.snomed,
  SRT: SYSTEM.snomed,
  DCM: SYSTEM.dicom,
  RADLEX: 'http://radlex.org',
  RDLX: 'http://radlex.org',
};

const uidIdentifier = (type: 'sop-instance-uid' | 'study-instance-uid', uid: string) => ({
  type: {
    coding: [
      {
        system: SYSTEM.dicomIdentifierType,
        code: type,
        display: type === 'sop-instance-uid' ? 'SOP Instance UID' : 'Study Instance UID',
      },
    ],
  },
  system: SYSTEM.dicomUid,
  value: `urn:oid:${uid}`,
});

/** The order the procedure fulfils, by its accession number (the IG's and IHE's way: identifier type ACSN). */
const orderByAccession = (accession: string) => ({
  type: 'ServiceRequest',
  identifier: {
    type: { coding: [{ system: SYSTEM.identifierType, code: 'ACSN', display: 'Accession ID' }] },
    system: SYSTEM.accession,
    value: accession,
  },
});

/** DICOM (DCM) codes of the radiation dose structured report. */
const DOSE_CODES = {
  report: { code: '113701', display: 'X-Ray Radiation Dose Report' },
  dlp: { code: '113813', display: 'CT Dose Length Product Total' },
  ctdivol: { code: '113830', display: 'Mean CTDIvol' },
  dap: { code: '113722', display: 'Dose Area Product Total' },
  fluoroscopyTime: { code: '113730', display: 'Total Fluoro Time' },
} as const;

/**
 * SNOMED CT routes (FHIR's route-codes value set) by the needle's approach: a transforaminal,
 * preganglionic or retrodiscal injection reaches the epidural space through the foramen; a
 * periradicular extraforaminal one stays beside the nerve; the caudal one is its own route.
 */
function routeOf(approach: string | null | undefined, inText: (code: string) => string): Record<string, unknown> {
  const route =
    approach === 'caudal'
      ? { code: '417070009', display: 'Caudal route' }
      : approach === 'periradicular_extraforaminal'
        ? { code: '372475000', display: 'Perineural use' }
        : { code: '404820008', display: 'Epidural route' };
  const words = approach ? inText(approach) : 'transforaminal (approach not recorded)';
  return { coding: [{ system: SYSTEM.snomed, ...route }], text: words };
}

/** WHO ATC codes of the default catalogue's drugs (a drug the department added has none). */
const ATC: Readonly<Record<string, { code: string; display: string }>> = {
  dexamethasone: { code: 'H02AB02', display: 'dexamethasone' },
  triamcinolone: { code: 'H02AB08', display: 'triamcinolone' },
  methylprednisolone: { code: 'H02AB04', display: 'methylprednisolone' },
  betamethasone: { code: 'H02AB01', display: 'betamethasone' },
  betamethasone_phosphate: { code: 'H02AB01', display: 'betamethasone' },
  lidocaine: { code: 'N01BB02', display: 'lidocaine' },
  bupivacaine: { code: 'N01BB01', display: 'bupivacaine' },
  ropivacaine: { code: 'N01BB09', display: 'ropivacaine' },
  sodium_chloride: { code: 'B05XA03', display: 'sodium chloride' },
};
const CONTRAST_ATC: Readonly<Record<string, { code: string; display: string }>> = {
  iohexol_240: { code: 'V08AB02', display: 'iohexol' },
  iohexol_300: { code: 'V08AB02', display: 'iohexol' },
  iopamidol_200: { code: 'V08AB04', display: 'iopamidol' },
  iopamidol_300: { code: 'V08AB04', display: 'iopamidol' },
  gadolinium_based: { code: 'V08CA', display: 'paramagnetic contrast media' },
};

/** A stable UUID (v4 layout) from a name, so the same record gives the same resource ids in every export. */
function nameUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** performedAt plus minutes, keeping the console's UTC offset as written. */
function addMinutes(performedAt: string, minutes: number): string {
  const offset = performedAt.slice(19);
  const offsetMinutes =
    offset === 'Z' || offset === ''
      ? 0
      : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(Date.parse(performedAt) + (minutes + offsetMinutes) * 60_000);
  return `${local.toISOString().slice(0, 19)}${offset || 'Z'}`;
}

/** Only signed records are exported as FHIR (options.ts refuses drafts): the procedure was done. */
const STATUS = { signed: 'completed', amended: 'completed' } as const;

interface Entry {
  fullUrl: string;
  resource: Record<string, unknown>;
}

/** A code's words inside a text: lower case but for acronyms (German keeps its capitals). */
function wordsInText({ t, language }: Speaking, code: string): string {
  const said = t(codeMessage(code));
  return /^[A-Z]{2}/.test(said) || language === 'de' ? said : said.charAt(0).toLowerCase() + said.slice(1);
}

/** "CT-guided lumbar nerve root infiltration with a caudal epidural injection", in the export's language. */
function procedureText(content: ProcedureDraft, speaking: Speaking | undefined): string {
  if (!speaking) {
    return `${content.modality ? `${inSentence(content.modality)}-guided ` : ''}lumbar nerve root infiltration${content.caudalEpidural ? ' with caudal epidural injection' : ''}`;
  }
  const { t } = speaking;
  let text = t(REPORT_MESSAGES.infiltration);
  if (content.modality)
    text = t(REPORT_MESSAGES.guided, { modality: wordsInText(speaking, content.modality), what: text });
  if (content.caudalEpidural) text = t(REPORT_MESSAGES.withCaudal, { what: text });
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export function recordEntries(
  record: ExportedRecord,
  drugs: Map<string, Drug>,
  context: RowContext,
  patientUuid: string,
  patientIsNew: boolean,
  /** The mg stored with each drug row, by ordinal (see model doseInMg): never recomputed here. */
  givenMg: readonly (number | null)[],
): Entry[] {
  // Pseudonymised: the identifying and free-text fields are not there to be mapped (their
  // privacy class, db/model/fields); the patient and the accession are known by keyed pseudonyms.
  // Texts and RootLog's own codes' displays in the export's language; SNOMED, LOINC, DICOM and
  // ATC displays stay their code systems' own (a validator checks them), every code unchanged.
  const said = (code: string) => (context.speaking ? context.speaking.t(codeMessage(code)) : words(code));
  const inText = (code: string) => (context.speaking ? wordsInText(context.speaking, code) : inSentence(code));
  const identified: ProcedureDraft = record.content;
  const content: ProcedureDraft = context.pseudonymize ? clinicalValuesOnly(identified) : identified;
  // Pseudonymised: the record is known by its keyed pseudonym only (its UUIDv7 encodes the
  // creation time and joins 1:1 with an identified export), and times only to the date.
  const recordPseudonym = context.pseudonymize ? pseudonym(context.key ?? '', 'record', record.id) : null;
  const recordKey = recordPseudonym ?? record.id;
  const procedureUuid = recordPseudonym ? nameUuid(`record/${recordPseudonym}`) : record.id;
  const subject = { reference: `urn:uuid:${patientUuid}` };
  const partOf = [{ reference: `urn:uuid:${procedureUuid}` }];
  const exactly = content.performedAt ?? record.life.createdAt;
  const performed = context.pseudonymize ? (coarseDate(exactly, context.datePrecision) ?? exactly) : exactly;
  const entries: Entry[] = [];

  if (patientIsNew) {
    const identifier = context.pseudonymize
      ? [
          {
            system: SYSTEM.patientPseudonym,
            value: pseudonym(context.key ?? '', 'patient', identified.patientId) ?? 'unknown',
          },
        ]
      : content.patientId
        ? [
            {
              system: SYSTEM.patientId,
              value: content.patientId,
              // Whose numbering the ID follows (DICOM Issuer of Patient ID, from the worklist).
              ...(content.issuerOfPatientId ? { assigner: { display: content.issuerOfPatientId } } : {}),
            },
          ]
        : [];
    const patient: Record<string, unknown> = { resourceType: 'Patient', id: patientUuid, identifier };
    if (content.sex) patient.gender = content.sex;
    if (content.patientName) patient.name = [{ text: content.patientName }];
    if (content.birthDate) patient.birthDate = content.birthDate;
    if (content.patientLanguage)
      patient.communication = [
        { language: { coding: [{ system: SYSTEM.bcp47, code: content.patientLanguage }] }, preferred: true },
      ];
    entries.push({ fullUrl: `urn:uuid:${patientUuid}`, resource: patient });
  }

  const bodySite = content.targets.map((target) => {
    const site: Record<string, unknown> = {
      coding: target.root ? [{ system: SYSTEM.root, code: target.root, display: `${target.root} nerve root` }] : [],
      text: `${target.root ?? '?'} nerve root${target.side ? `, ${target.side}` : ''}${target.foramen ? ` (foramen ${target.foramen})` : ''}`,
    };
    const extension: Record<string, unknown>[] = [];
    if (target.side) {
      extension.push({
        url: LATERALITY_EXTENSION,
        valueCodeableConcept: { coding: [{ system: SYSTEM.snomed, ...LATERALITY[target.side] }] },
      });
    }
    // Target fields declared for FHIR as extensions (db/model/fields): RootLog's own code systems.
    for (const field of TARGET_FIELDS) {
      const code = (target as Record<string, unknown>)[field.key];
      if (!field.fhirExtension || typeof code !== 'string') continue;
      const name = field.key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      extension.push({
        url: `${ROOTLOG_FHIR_BASE}/StructureDefinition/${name}`,
        valueCodeableConcept: {
          coding: [{ system: `${ROOTLOG_FHIR_BASE}/CodeSystem/${name}`, code, display: said(code) }],
          text: inText(code),
        },
      });
    }
    if (extension.length > 0) site.extension = extension;
    return site;
  });
  const procedure: Record<string, unknown> = {
    resourceType: 'Procedure',
    id: procedureUuid,
    identifier: [
      recordPseudonym
        ? { system: SYSTEM.recordPseudonym, value: recordPseudonym }
        : { system: SYSTEM.recordId, value: record.id },
    ],
    status: STATUS[record.life.status as 'signed' | 'amended'] ?? 'unknown',
    code: {
      coding: [
        {
          system: SYSTEM.procedure,
          code: content.caudalEpidural ? 'nerve-root-infiltration-with-caudal' : 'nerve-root-infiltration',
          display: 'Periradicular nerve root infiltration',
        },
      ],
      text: procedureText(content, context.speaking),
    },
    subject,
    bodySite,
  };
  if (content.startedAt && content.endedAt && content.performedAt) {
    const day = content.performedAt.slice(0, 10);
    const offset = content.performedAt.slice(19) || 'Z';
    procedure.performedPeriod = {
      start: `${day}T${content.startedAt}:00${offset}`,
      end: `${day}T${content.endedAt}:00${offset}`,
    };
  } else {
    procedure.performedDateTime = performed;
  }
  // A staff name: never in a pseudonymised bundle.
  if (record.operatorName && !context.pseudonymize) procedure.performer = [{ actor: { display: record.operatorName } }];
  if (content.indications.length > 0)
    procedure.reasonCode = content.indications.map((code) => ({
      coding: [{ system: SYSTEM.indication, code }],
      text: inText(code),
    }));
  const complications = content.complications.filter((entry) => entry.type !== 'none');
  if (complications.length > 0) {
    procedure.complication = complications.map((entry) => ({
      coding: [{ system: SYSTEM.complication, code: entry.type }],
      text: `${inText(entry.type)}${entry.severity ? ` (${entry.severity})` : ''}`,
    }));
  }
  if (identified.accessionNumber) {
    (procedure.identifier as unknown[]).push(
      context.pseudonymize
        ? {
            system: `${SYSTEM.accession}-pseudonym`,
            value: pseudonym(context.key ?? '', 'accession', identified.accessionNumber),
          }
        : { system: SYSTEM.accession, value: identified.accessionNumber },
    );
  }
  // The RIS's order, by its accession number (identified exports only: the pseudonym is no order).
  const order =
    context.pseudonymize || !identified.accessionNumber ? null : orderByAccession(identified.accessionNumber);
  if (order) procedure.basedOn = [order];
  if (content.notes) procedure.note = [{ text: content.notes }];
  entries.push({ fullUrl: `urn:uuid:${procedureUuid}`, resource: procedure });

  // The imaging study the worklist scheduled, known by its Study Instance UID (identifying: never pseudonymised).
  const studyUid = content.studyInstanceUid ?? null;
  const studyUuid = studyUid ? nameUuid(`${recordKey}/imaging-study`) : null;
  const studyReference = studyUid
    ? { reference: `urn:uuid:${studyUuid}`, identifier: uidIdentifier('study-instance-uid', studyUid) }
    : null;
  if (studyUid && studyUuid) {
    const study: Record<string, unknown> = {
      resourceType: 'ImagingStudy',
      id: studyUuid,
      identifier: [{ system: SYSTEM.dicomUid, value: `urn:oid:${studyUid}` }],
      status: 'available',
      subject,
      started: performed,
      procedureReference: { reference: `urn:uuid:${procedureUuid}` },
    };
    if (order) study.basedOn = [order];
    if (content.referringPhysician) study.referrer = { display: content.referringPhysician };
    const requested = requestedProcedureConcept(content);
    if (requested) study.procedureCode = [requested];
    entries.push({ fullUrl: `urn:uuid:${studyUuid}`, resource: study });
  }

  content.drugs.forEach((administration, index) => {
    // A signed record names its drug as the catalogue did at signing.
    const known = drugs.get(administration.drug);
    const drug = administration.asSigned && known ? { ...known, ...administration.asSigned } : known;
    const uuid = nameUuid(`${recordKey}/drug/${index}`);
    const mg = givenMg[index] ?? undefined;
    const target = typeof administration.site === 'number' ? content.targets[administration.site] : undefined;
    const site =
      administration.site === 'caudal'
        ? 'caudal epidural'
        : typeof administration.site === 'number'
          ? (bodySite[administration.site]?.text as string | undefined)
          : undefined;
    const dosage: Record<string, unknown> = {};
    if (site) dosage.site = { text: site };
    dosage.route = routeOf(administration.site === 'caudal' ? 'caudal' : target?.approach, inText);
    if (mg != null) dosage.dose = { value: mg, unit: 'mg', system: SYSTEM.ucum, code: 'mg' };
    if (mg != null && administration.doseSalt) dosage.text = `dose stated as dexamethasone ${administration.doseSalt}`;
    else if (mg == null && administration.volumeMl != null)
      dosage.dose = { value: administration.volumeMl, unit: 'mL', system: SYSTEM.ucum, code: 'mL' };
    const name = drug?.name ?? administration.drug;
    const atc = ATC[administration.drug];
    const code = {
      coding: [
        ...(atc ? [{ system: SYSTEM.atc, code: atc.code, display: atc.display }] : []),
        { system: SYSTEM.drug, code: administration.drug, display: name },
      ],
      text: name,
    };
    // The lot belongs to the product given: a contained Medication with its batch (never in a
    // pseudonymised export, whose records carry no lot).
    const lot = administration.lot;
    const medication = lot
      ? {
          contained: [{ resourceType: 'Medication', id: 'medication', code, batch: { lotNumber: lot } }],
          medicationReference: { reference: '#medication', display: name },
        }
      : { medicationCodeableConcept: code };
    entries.push({
      fullUrl: `urn:uuid:${uuid}`,
      resource: {
        resourceType: 'MedicationAdministration',
        id: uuid,
        ...(lot ? { contained: medication.contained } : {}),
        status: 'completed',
        ...(lot
          ? { medicationReference: medication.medicationReference }
          : { medicationCodeableConcept: medication.medicationCodeableConcept }),
        subject,
        partOf,
        effectiveDateTime: performed,
        ...(Object.keys(dosage).length > 0 ? { dosage } : {}),
      },
    });
  });

  // The contrast agent is a drug given too: its own administration, by volume.
  if (content.contrastAgent && content.contrastAgent !== 'none') {
    const uuid = nameUuid(`${recordKey}/contrast`);
    const agent = CONTRAST_ATC[content.contrastAgent];
    const dosage: Record<string, unknown> = { text: 'contrast check of the needle position before the drugs' };
    if (content.contrastVolumeMl != null)
      dosage.dose = { value: content.contrastVolumeMl, unit: 'mL', system: SYSTEM.ucum, code: 'mL' };
    entries.push({
      fullUrl: `urn:uuid:${uuid}`,
      resource: {
        resourceType: 'MedicationAdministration',
        id: uuid,
        status: 'completed',
        medicationCodeableConcept: {
          coding: [
            ...(agent ? [{ system: SYSTEM.atc, code: agent.code, display: agent.display }] : []),
            { system: SYSTEM.contrast, code: content.contrastAgent },
          ],
          text: inText(content.contrastAgent),
        },
        subject,
        partOf,
        effectiveDateTime: performed,
        dosage,
      },
    });
  }

  const observation = (
    slug: string,
    code: Record<string, unknown>,
    value: Record<string, unknown>,
    effective: string,
    text: string,
  ): Entry => {
    const uuid = nameUuid(`${recordKey}/${slug}`);
    return {
      fullUrl: `urn:uuid:${uuid}`,
      resource: {
        resourceType: 'Observation',
        id: uuid,
        status: record.life.status === 'draft' ? 'preliminary' : 'final',
        code: { ...code, text },
        subject,
        partOf,
        effectiveDateTime: effective,
        valueQuantity: value,
      },
    };
  };
  const score = (value: number) => ({ value, unit: 'score', system: SYSTEM.ucum, code: '{score}' });
  if (content.painPre != null)
    entries.push(
      observation(
        'pain-pre',
        { coding: [PAIN_NRS] },
        score(content.painPre),
        performed,
        'Pain NRS before the injection',
      ),
    );
  if (content.painPost != null) {
    const minutes = content.painPostMinutes ?? 10;
    entries.push(
      observation(
        'pain-post',
        { coding: [PAIN_NRS] },
        score(content.painPost),
        context.pseudonymize ? performed : addMinutes(performed, minutes),
        `Pain NRS ${minutes} min after the injection`,
      ),
    );
  }
  // The episode's follow-ups: leg and back pain at each current entry (a corrected one is left
  // out; its correction is 'corrected'), dated on the day of the call, visit or questionnaire.
  const corrected = new Set(record.followUps.map((entry) => entry.supersedes).filter(Boolean));
  for (const entry of record.followUps) {
    if (corrected.has(entry.id)) continue;
    const day = context.pseudonymize
      ? (coarseDate(entry.contactDate, context.datePrecision) ?? entry.contactDate)
      : entry.contactDate;
    const slug = context.pseudonymize ? `follow-up/${entry.daysAfter}/${entry.contactDate}` : `follow-up/${entry.id}`;
    for (const [part, value, words] of [
      ['leg', entry.legNrs, 'Leg pain'],
      ['back', entry.backNrs, 'Back pain'],
    ] as const) {
      if (value == null) continue;
      const found = observation(
        `${slug}/${part}`,
        { coding: [PAIN_NRS] },
        score(value),
        day,
        `${words} NRS at follow-up, day ${entry.daysAfter} after the injection`,
      );
      if (entry.supersedes) (found.resource as Record<string, unknown>).status = 'corrected';
      entries.push(found);
    }
  }
  // Contrast spread per target (and for the caudal injection): what the images showed.
  const spreadObservation = (
    slug: string,
    patterns: readonly string[],
    site: Record<string, unknown> | undefined,
    where: string,
  ) => {
    if (patterns.length === 0) return;
    const uuid = nameUuid(`${recordKey}/${slug}`);
    entries.push({
      fullUrl: `urn:uuid:${uuid}`,
      resource: {
        resourceType: 'Observation',
        id: uuid,
        status: 'final',
        code: {
          coding: [{ system: SYSTEM.spread, code: 'contrast-spread', display: 'Contrast spread' }],
          text: `Contrast spread, ${where}`,
        },
        subject,
        partOf,
        effectiveDateTime: performed,
        ...(site ? { bodySite: site } : {}),
        component: patterns.map((pattern) => ({
          code: { coding: [{ system: SYSTEM.spread, code: pattern }], text: inText(pattern) },
          valueBoolean: true,
        })),
      },
    });
  };
  content.targets.forEach((target, index) => {
    spreadObservation(`spread/${index}`, target.spread, bodySite[index], `target ${index + 1}`);
  });
  if (content.caudalEpidural) spreadObservation('spread/caudal', content.caudalSpread, undefined, 'caudal epidural');

  // Radiation dose as DICOM names it (DCM codes; DAP in Gy·m², as an RDSR reports it).
  const doses = [
    [DOSE_CODES.dlp, content.dlpMGyCm, 'mGy.cm', 1],
    [DOSE_CODES.ctdivol, content.ctdiVolMGy, 'mGy', 1],
    [DOSE_CODES.dap, content.dapGyCm2, 'Gy.m2', 1e-4],
    [DOSE_CODES.fluoroscopyTime, content.fluoroTimeS, 's', 1],
  ] as const;
  const components = doses
    .filter(([, value]) => value != null)
    .map(([code, value, unit, factor]) => ({
      code: { coding: [{ system: SYSTEM.dicom, ...code }], text: code.display },
      valueQuantity: {
        value: Number(((value as number) * factor).toPrecision(12)),
        unit,
        system: SYSTEM.ucum,
        code: unit,
      },
    }));
  if (components.length > 0) {
    const uuid = nameUuid(`${recordKey}/radiation-dose`);
    // As the HL7 Radiation Dose Summary IG has it: the RDSR's SOP Instance UID as identifier,
    // part of the procedure and of its imaging study, based on the order, the device named.
    const fromReport = content.doseSource === 'dose_report' || content.doseSource === 'dose_report_then_changed';
    const reportUids = fromReport && content.doseReportUids ? content.doseReportUids.split(' ') : [];
    const observation: Record<string, unknown> = {
      resourceType: 'Observation',
      id: uuid,
      ...(reportUids.length > 0 ? { identifier: reportUids.map((uid) => uidIdentifier('sop-instance-uid', uid)) } : {}),
      ...(order ? { basedOn: [order] } : {}),
      partOf: [...partOf, ...(studyReference ? [studyReference] : [])],
      status: 'final',
      code: {
        coding: [{ system: SYSTEM.dicom, ...DOSE_CODES.report }, RADIATION_EXPOSURE],
        text: 'Radiation dose',
      },
      subject,
      ...(studyReference ? { focus: [studyReference] } : {}),
      effectiveDateTime: fromReport && content.doseReportAt && !context.pseudonymize ? content.doseReportAt : performed,
      valueString: components
        .map(({ code, valueQuantity }) => `${code.text} = ${valueQuantity.value} ${valueQuantity.unit}`)
        .join(', '),
    };
    if (content.doseSource)
      observation.method = {
        coding: [{ system: SYSTEM.doseSource, code: content.doseSource, display: words(content.doseSource) }],
        text: words(content.doseSource),
      };
    if (fromReport && content.doseReportDevice) observation.device = { display: content.doseReportDevice };
    if (content.doseChangeReason) observation.note = [{ text: `Changed by hand: ${content.doseChangeReason}` }];
    observation.component = components;
    entries.push({ fullUrl: `urn:uuid:${uuid}`, resource: observation });
  }
  return entries;
}

/** The procedure the RIS ordered, in its code and words (ImagingStudy.procedureCode). */
function requestedProcedureConcept(content: ProcedureDraft): Record<string, unknown> | null {
  const text = content.requestedProcedureText ?? null;
  const code = content.requestedProcedureCode ?? null;
  if (!text && !code) return null;
  const system = content.requestedProcedureScheme ? CODING_SCHEMES[content.requestedProcedureScheme] : undefined;
  return {
    ...(code ? { coding: [{ ...(system ? { system } : {}), code, ...(text ? { display: text } : {}) }] } : {}),
    ...(text ? { text } : {}),
  };
}

export async function exportFhir(
  read: ReadConnection,
  options: ExportOptions,
  context: RowContext,
  total: number,
  control: WriterControl,
) {
  let count = 0;
  const bytes = await writeAtomically(options.out, control, async (file) => {
    const today = new Map(drugCatalogue(read).map((drug) => [drug.code, drug]));
    // Records signed before schema 6 read the catalogue as it was at that upgrade.
    const signedBefore = new Map(catalogueForOldSignedRecords(read).map((drug) => [drug.code, drug]));
    // One Patient per patient: resource ids derive from the identifier, so only the ids
    // already written need remembering.
    const patientsWritten = new Set<string>();
    await writeChunk(
      file.stream,
      `{"resourceType":"Bundle","id":"${nameUuid(`${options.out}/${Date.now()}`)}","type":"collection","timestamp":"${new Date().toISOString()}","entry":[`,
    );
    let entries = 0;
    const givenMgOf = dosesGivenMg(read);
    for (const id of recordIds(read, options)) {
      const record = readExportedRecord(read, id);
      const patientKey = record.content.patientId
        ? `patient/${pseudonym(context.key ?? '', 'patient', record.content.patientId)}`
        : `record/${context.pseudonymize ? pseudonym(context.key ?? '', 'record', id) : id}`;
      const patientUuid = nameUuid(patientKey);
      const isNew = !patientsWritten.has(patientUuid);
      patientsWritten.add(patientUuid);
      const givenMg = givenMgOf(id);
      const drugs = record.life.status === 'draft' ? today : signedBefore;
      for (const entry of recordEntries(record, drugs, context, patientUuid, isNew, givenMg)) {
        await writeChunk(file.stream, `${entries === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`);
        entries++;
      }
      count++;
      if (count % 500 === 0) {
        control.onProgress?.(count, total);
        await checkpoint(control.signal);
      }
    }
    await writeChunk(file.stream, '\n]}\n');
  });
  control.onProgress?.(total, total);
  return { files: [options.out], rows: count, bytes };
}
