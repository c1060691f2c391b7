/*
 * The DICOM concepts RootLog reads from a radiation dose structured report (PS3.16 TID 10011
 * CT Radiation Dose, TID 10001 Projection X-Ray Radiation Dose), each by its code value and
 * coding scheme. Never by its meaning: vendors spell meanings their own way ("Mean CTDIvol",
 * "CTDIvol", "CTDI vol"), and a meaning can be translated. Where the standard moved a code
 * from SNOMED-RT (SRT) to SNOMED CT (SCT), both are listed.
 */

export interface Concept {
  readonly value: string;
  readonly scheme: string;
}
/** One concept, or the same concept under its older and newer code. */
export type ConceptCode = readonly Concept[];

const dcm = (value: string): ConceptCode => [{ value, scheme: 'DCM' }];
const snomed = (srt: string, sct: string): ConceptCode => [
  { value: srt, scheme: 'SRT' },
  { value: sct, scheme: 'SCT' },
];

export const SOP_CLASS = {
  xRayRadiationDoseSr: '1.2.840.10008.5.1.4.1.1.88.67',
  enhancedXRayRadiationDoseSr: '1.2.840.10008.5.1.4.1.1.88.76',
  /** Older scanners send their dose report as an Enhanced SR (OpenREM reads these too). */
  enhancedSr: '1.2.840.10008.5.1.4.1.1.88.22',
} as const;

/** SOP classes whose reports are read, when their document is an X-Ray Radiation Dose Report. */
export const DOSE_REPORT_SOP_CLASSES: readonly string[] = [SOP_CLASS.xRayRadiationDoseSr, SOP_CLASS.enhancedSr];

export const CODES = {
  xRayRadiationDoseReport: dcm('113701'),

  // TID 10011 CT Radiation Dose
  ctAccumulatedDoseData: dcm('113811'),
  totalNumberOfIrradiationEvents: dcm('113812'),
  ctDoseLengthProductTotal: dcm('113813'),
  ctAcquisition: dcm('113819'),
  ctAcquisitionType: dcm('113820'),
  ctDose: dcm('113829'),
  meanCtdiVol: dcm('113830'),
  ctdiwPhantomType: dcm('113835'),
  dlp: dcm('113838'),

  // TID 10001 Projection X-Ray Radiation Dose
  accumulatedXRayDoseData: dcm('113702'),
  acquisitionPlane: dcm('113764'),
  doseAreaProductTotal: dcm('113722'),
  doseRpTotal: dcm('113725'),
  fluoroDoseAreaProductTotal: dcm('113726'),
  acquisitionDoseAreaProductTotal: dcm('113727'),
  totalFluoroTime: dcm('113730'),
  totalAcquisitionTime: dcm('113855'),
  irradiationEventXRayData: dcm('113706'),
  irradiationEventType: dcm('113721'),
  dateTimeStarted: dcm('111526'),
  doseAreaProduct: dcm('122130'),
  doseRp: dcm('113738'),
  irradiationDuration: dcm('113742'),

  // Both
  irradiationEventUid: dcm('113769'),
  acquisitionProtocol: dcm('125203'),
  startOfXRayIrradiation: dcm('113809'),
  deviceObserverName: dcm('121013'),
  deviceObserverManufacturer: dcm('121014'),
  deviceObserverModelName: dcm('121015'),
  deviceObserverSerialNumber: dcm('121016'),
} as const;

/** CID 4052 phantom types: a CTDIvol means nothing without its phantom. */
export const PHANTOMS = [
  { code: dcm('113691'), phantom: 'body-32cm' },
  { code: dcm('113690'), phantom: 'head-16cm' },
] as const;

/** CID 10013 CT acquisition types. */
export const CT_ACQUISITION_TYPES = [
  { code: dcm('113804'), type: 'sequenced' },
  { code: snomed('P5-08001', '116152004'), type: 'spiral' },
  { code: dcm('113805'), type: 'constant-angle' },
  { code: dcm('113806'), type: 'stationary' },
  { code: dcm('113807'), type: 'free' },
] as const;

/** CID 10003 irradiation event types, read as fluoroscopy or acquisition. */
export const PROJECTION_EVENT_TYPES = [
  { code: snomed('P5-06000', '44491008'), type: 'fluoroscopy' },
  { code: dcm('113611'), type: 'acquisition' },
  { code: dcm('113612'), type: 'acquisition' },
  { code: dcm('113613'), type: 'acquisition' },
] as const;

/** CID 10004 acquisition planes. */
export const PLANES = [
  { code: dcm('113622'), plane: 'single' },
  { code: dcm('113620'), plane: 'A' },
  { code: dcm('113621'), plane: 'B' },
  { code: dcm('113890'), plane: 'all' },
] as const;

export const sameConcept = (code: ConceptCode, found: Concept | null): boolean =>
  found != null && code.some((known) => known.value === found.value && known.scheme === found.scheme);

/** The first entry of a code list whose code is the one found. */
export function lookUp<T extends { code: ConceptCode }>(table: readonly T[], found: Concept | null): T | undefined {
  return table.find((entry) => sameConcept(entry.code, found));
}
