import { DOSE_REPORT_FINDING_MESSAGES as F } from '../model/dose-report-words.js';
import { REFUSAL_MESSAGES as R } from '../model/refusal-messages.js';
import { sentence } from '../model/words.js';
import { CODES, DOSE_REPORT_SOP_CLASSES, SOP_CLASS, sameConcept } from './codes.js';
import {
  type ContentItem,
  childNamed,
  childrenNamed,
  codeIn,
  isoDate,
  isoOffset,
  isoTime,
  listOf,
  textValueOf,
} from './content-tree.js';
import { readCtDose } from './ct-dose.js';
import { NotADoseReportError, readDicomFile } from './dicom-file.js';
import { readProjectionDose } from './projection-dose.js';
import { type DoseReportSummary, finding, type ReportKind, type ReportWarning } from './summary.js';

/*
 * One radiation dose structured report (RDSR) read to what RootLog keeps of it. A file that is
 * not one is refused with the reason in words (its SOP class named); a dose report with odd
 * parts is read as far as it goes, each oddity a warning and each doubtful value left empty.
 */

/** SOP classes a department might send by mistake, named in the refusal. */
const SOP_CLASS_NAMES: Record<string, string | undefined> = {
  '1.2.840.10008.5.1.4.1.1.2': 'a CT image',
  '1.2.840.10008.5.1.4.1.1.7': 'a secondary capture image (a dose screen kept as a picture)',
  '1.2.840.10008.5.1.4.1.1.12.1': 'an X-ray angiographic image',
  '1.2.840.10008.5.1.4.1.1.12.2': 'an X-ray fluoroscopic image',
  '1.2.840.10008.5.1.4.1.1.88.11': 'a basic text SR',
  '1.2.840.10008.5.1.4.1.1.88.22': 'an enhanced SR',
  '1.2.840.10008.5.1.4.1.1.88.33': 'a comprehensive SR',
  '1.2.840.10008.5.1.4.1.1.88.68': 'a radiopharmaceutical radiation dose SR',
  '1.2.840.10008.5.1.4.1.1.88.73': 'a patient radiation dose SR',
};

const text = (dataset: Record<string, unknown>, keyword: string): string | null => {
  const value = dataset[keyword];
  const first = Array.isArray(value) ? value[0] : value;
  if (first !== null && typeof first === 'object' && 'Alphabetic' in first) {
    const name = (first as { Alphabetic?: unknown }).Alphabetic;
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
  }
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
};

function refuseUnlessDoseReport(dataset: Record<string, unknown>): void {
  const sopClass = text(dataset, 'SOPClassUID');
  const rdsr = SOP_CLASS.xRayRadiationDoseSr;
  if (!sopClass) throw new NotADoseReportError(sentence(R.doseFileNoSopClass));
  if (sopClass === SOP_CLASS.enhancedXRayRadiationDoseSr) {
    throw new NotADoseReportError(sentence(R.doseFileEnhancedSr, { sopClass, rdsr }));
  }
  if (!DOSE_REPORT_SOP_CLASSES.includes(sopClass)) {
    // The kind of object as DICOM names it (English, a value); one not listed in words.
    const what = SOP_CLASS_NAMES[sopClass] ?? sentence(R.doseFileOtherKind);
    throw new NotADoseReportError(sentence(R.doseFileOtherObject, { what, sopClass, rdsr }));
  }
  if (!sameConcept(CODES.xRayRadiationDoseReport, codeIn(dataset.ConceptNameCodeSequence))) {
    const found = codeIn(dataset.ConceptNameCodeSequence);
    throw new NotADoseReportError(
      sentence(R.doseFileNotDoseDocument, {
        found: found
          ? sentence(R.doseFileCodedAs, { value: found.value, scheme: found.scheme })
          : sentence(R.doseFileNotCoded),
      }),
    );
  }
}

/** CT or projection: from the template identifier, else from what the report contains. */
function kindOf(dataset: Record<string, unknown>, root: ContentItem, warnings: ReportWarning[]): ReportKind {
  const template = text(listOf(dataset.ContentTemplateSequence)[0] ?? {}, 'TemplateIdentifier');
  if (template === '10011') return 'ct';
  if (template === '10001') return 'projection';
  const hasCt = childNamed(root, CODES.ctAccumulatedDoseData) || childrenNamed(root, CODES.ctAcquisition).length > 0;
  const hasProjection =
    childNamed(root, CODES.accumulatedXRayDoseData) || childrenNamed(root, CODES.irradiationEventXRayData).length > 0;
  if (hasCt && !hasProjection) {
    if (!template) warnings.push(finding('no-template-identifier', F.noTemplateCt));
    return 'ct';
  }
  if (hasProjection && !hasCt) {
    if (!template) warnings.push(finding('no-template-identifier', F.noTemplateProjection));
    return 'projection';
  }
  throw new NotADoseReportError(
    template ? sentence(R.doseFileUnknownTemplate, { template }) : sentence(R.doseFileNoTemplate),
  );
}

/**
 * (0008,0201) Timezone Offset From UTC: the offset of the report's date-times that carry none
 * of their own (a scanner in another time zone than this console). One that is not an offset
 * is said and not used.
 */
function timezoneOffsetOf(dataset: Record<string, unknown>, warnings: ReportWarning[]): string | null {
  const raw = text(dataset, 'TimezoneOffsetFromUTC');
  if (raw === null) return null;
  if (isoOffset(raw)) return raw;
  warnings.push(finding('invalid-date-time', F.invalidTimezone, { raw: JSON.stringify(raw) }));
  return null;
}

/** Reads one RDSR (a DICOM Part 10 file's bytes); throws NotADoseReportError for anything else. */
export function readDoseReport(bytes: Uint8Array): DoseReportSummary {
  return readDoseReportFile(bytes).summary;
}

/** readDoseReport, with the transfer syntax the file's header gives its data set. */
export function readDoseReportFile(bytes: Uint8Array): {
  summary: DoseReportSummary;
  transferSyntaxUid: string | null;
} {
  const { dataset, warnings, transferSyntaxUid } = readDicomFile(bytes);
  refuseUnlessDoseReport(dataset);
  const sopInstanceUid = text(dataset, 'SOPInstanceUID');
  if (!sopInstanceUid) throw new NotADoseReportError(sentence(R.doseFileNoSopInstance));
  const root = dataset as ContentItem;
  const kind = kindOf(dataset, root, warnings);
  const observer = (code: (typeof CODES)[keyof typeof CODES]) => textValueOf(childNamed(root, code));
  const zone = timezoneOffsetOf(dataset, warnings);
  const ct = kind === 'ct' ? readCtDose(root, warnings, zone) : null;
  const projection = kind === 'projection' ? readProjectionDose(root, warnings, zone) : null;
  const summary: DoseReportSummary = {
    kind,
    sopClassUid: text(dataset, 'SOPClassUID') ?? '',
    sopInstanceUid,
    studyInstanceUid: text(dataset, 'StudyInstanceUID'),
    accessionNumber: text(dataset, 'AccessionNumber'),
    patientId: text(dataset, 'PatientID'),
    patientName: text(dataset, 'PatientName'),
    studyDate: isoDate(text(dataset, 'StudyDate') ?? text(dataset, 'ContentDate')),
    studyTime: isoTime(text(dataset, 'StudyTime') ?? text(dataset, 'ContentTime')),
    manufacturer: text(dataset, 'Manufacturer') ?? observer(CODES.deviceObserverManufacturer),
    model: text(dataset, 'ManufacturerModelName') ?? observer(CODES.deviceObserverModelName),
    stationName: text(dataset, 'StationName') ?? observer(CODES.deviceObserverName),
    deviceSerial: text(dataset, 'DeviceSerialNumber') ?? observer(CODES.deviceObserverSerialNumber),
    irradiationStartedAt: ct
      ? ct.startedAt
      : ([...(projection?.events ?? [])]
          .map((event) => event.startedAt)
          .filter((at) => at !== null)
          .sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null),
    dlpMGyCm: ct?.dlpMGyCm ?? null,
    ctdiVolMGy: ct?.ctdiVolMGy ?? null,
    ctdiVolPhantom: ct?.ctdiVolPhantom ?? null,
    dapGyCm2: projection?.dapGyCm2 ?? null,
    fluoroDapGyCm2: projection?.fluoroDapGyCm2 ?? null,
    acquisitionDapGyCm2: projection?.acquisitionDapGyCm2 ?? null,
    doseRpGy: projection?.doseRpGy ?? null,
    fluoroTimeS: projection?.fluoroTimeS ?? null,
    planes: projection?.planes ?? [],
    ctEvents: ct?.events ?? [],
    projectionEvents: projection?.events ?? [],
    warnings,
  };
  return { summary, transferSyntaxUid };
}
