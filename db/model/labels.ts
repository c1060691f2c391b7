/**
 * Field names as a clinician reads them: used in every error and warning message
 * and in the exports' data dictionary. Keys are the record's field names; nested
 * fields use the name of the leaf (targets[1].side → "side").
 */
export const FIELD_LABELS: Record<string, string> = {
  id: 'Record ID',
  patientId: 'Patient ID',
  patientName: 'Patient name',
  birthDate: 'Birth date',
  sex: 'Sex',
  accessionNumber: 'Accession number',
  performedAt: 'Date and time performed',
  startedAt: 'Start time',
  endedAt: 'End time',
  operatorId: 'Operator',
  assistant: 'Assistant',
  indications: 'Indication',
  symptomSide: 'Symptom side',
  priorInfiltrations: 'Prior infiltrations',
  consent: 'Consent',
  anticoagulation: 'Anticoagulation',
  contrastAllergy: 'Contrast allergy',
  pregnancyExcluded: 'Pregnancy excluded',
  diabetes: 'Diabetes',
  position: 'Position',
  anticoagulantClass: 'Anticoagulant or antiplatelet',
  steroidAllergy: 'Steroid allergy',
  localAnaestheticAllergy: 'Local anaesthetic allergy',
  sedation: 'Sedation',
  weightKg: 'Weight (kg)',
  timeOutLevelVerified: 'Time-out: level verified on images',
  timeOutSideMarked: 'Time-out: side marked',
  transitionalVertebra: 'Transitional vertebra noted',
  abnormalSpreadAction: 'Action after abnormal spread',
  caudalAbnormalSpreadAction: 'Caudal: action after abnormal spread',
  doseExceedanceReason: 'Reason above the reference level',
  sirGrade: 'SIR grade',
  targets: 'Targets',
  root: 'Root',
  side: 'Side',
  foramen: 'Foramen',
  approach: 'Approach',
  needleGauge: 'Needle gauge',
  needleLengthMm: 'Needle length (mm)',
  needleRepositionings: 'Needle repositionings',
  spread: 'Contrast spread',
  provokedPain: 'Provoked pain',
  injectionSlowed: 'Injection slowed',
  caudalEpidural: 'Caudal epidural',
  caudalSpread: 'Caudal contrast spread',
  caudalProvokedPain: 'Caudal provoked pain',
  modality: 'Guidance modality',
  ctdiVolMGy: 'CTDIvol (mGy)',
  dlpMGyCm: 'DLP (mGy·cm)',
  ctAcquisitions: 'CT acquisitions',
  fluoroTimeS: 'Fluoroscopy time (s)',
  dapGyCm2: 'DAP (Gy·cm²)',
  contrastAgent: 'Contrast agent',
  contrastVolumeMl: 'Contrast volume (mL)',
  drugs: 'Drugs',
  drug: 'Drug',
  doseMg: 'Dose (mg)',
  concentrationMgPerMl: 'Concentration (mg/mL)',
  volumeMl: 'Volume (mL)',
  site: 'Injection site',
  lot: 'Lot',
  doseSalt: 'Dose stated as',
  noDrugReason: 'Reason no drug was given',
  painPre: 'Pain before (NRS)',
  painPost: 'Pain after (NRS)',
  painPostMinutes: 'Minutes after injection',
  followUps: 'Follow-ups',
  day: 'Day',
  painNrs: 'Pain (NRS)',
  reliefPercent: 'Relief (%)',
  method: 'Method',
  note: 'Note',
  complications: 'Complications',
  type: 'Complication',
  severity: 'Severity',
  disposition: 'Disposition',
  notes: 'Notes',
  format: 'Export format',
  out: 'Output file',
  in: 'Import file',
  from: 'From date',
  to: 'To date',
  operatorIds: 'Operators',
  includeDrafts: 'Include drafts',
  pseudonymize: 'Pseudonymise',
  datePrecision: 'Date precision',
  force: 'Replace existing files',
  european: 'European CSV',
  detailFiles: 'Detail files',
  reason: 'Reason for the amendment',
  cursor: 'Page cursor',
  limit: 'Page size',
  usualDoseMg: 'Usual dose',
  maxDoseMg: 'Maximum dose',
  address: 'Address',
  phone: 'Phone number',
  folder: 'Backup folder',
  timeOfDay: 'Time of day',
  keep: 'Backups to keep',
};

/** `targets[1].side` → "Side (target 2)"; unknown fields fall back to their name. */
export function fieldLabel(field: string): string {
  const parts = field.split('.');
  const leaf = parts[parts.length - 1]?.replace(/\[\d+\]$/, '') ?? field;
  const label = FIELD_LABELS[leaf] ?? leaf;
  const list = /^(targets|drugs|followUps|complications)\[(\d+)\]/.exec(field);
  if (!list || parts.length === 1) return label;
  const noun = { targets: 'target', drugs: 'drug', followUps: 'follow-up', complications: 'complication' }[
    list[1] as 'targets' | 'drugs' | 'followUps' | 'complications'
  ];
  return `${label} (${noun} ${Number(list[2]) + 1})`;
}

/** Zod-style path → the record's field name: ['targets', 0, 'side'] → 'targets[0].side'. */
export function pathToField(path: readonly PropertyKey[]): string {
  let field = '';
  for (const part of path) {
    if (typeof part === 'number') field += `[${part}]`;
    else field += field ? `.${String(part)}` : String(part);
  }
  return field;
}
