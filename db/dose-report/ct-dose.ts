import {
  DOSE_REPORT_FINDING_MESSAGES as F,
  DOSE_REPORT_PART_MESSAGES as P,
  PHANTOM_PART_WORDS,
} from '../model/dose-report-words.js';
import { sentence } from '../model/words.js';
import { CODES, CT_ACQUISITION_TYPES, lookUp, PHANTOMS } from './codes.js';
import { type ContentItem, childNamed, childrenNamed, ItemReader, textValueOf, uidValueOf } from './content-tree.js';
import { type CtEvent, finding, type Phantom, type ReportWarning } from './summary.js';

/*
 * TID 10011 CT Radiation Dose. The DLP total is the one in CT Accumulated Dose Data (113813
 * in 113811) and nothing else: a report also carries thresholds and forecasts in mGy·cm (the
 * dose check alert and notification details, TID 10015), and summing every mGy·cm value found
 * is the classic way to get a DLP three times too high. Each event's CTDIvol keeps its phantom.
 */

export interface CtDose {
  startedAt: string | null;
  dlpMGyCm: number | null;
  ctdiVolMGy: number | null;
  ctdiVolPhantom: Phantom | null;
  events: CtEvent[];
}

function readEvent(acquisition: ContentItem, index: number, warnings: ReportWarning[]): CtEvent {
  const where = sentence(P.ctEvent, { number: index + 1 });
  const read = new ItemReader(warnings, where);
  const dose = childNamed(acquisition, CODES.ctDose);
  const uid = uidValueOf(childNamed(acquisition, CODES.irradiationEventUid));
  if (!uid) {
    warnings.push(finding('event-without-uid', F.eventWithoutUid, { where }));
  }
  const phantomCode = dose ? read.code(dose, CODES.ctdiwPhantomType) : null;
  const typeCode = read.code(acquisition, CODES.ctAcquisitionType);
  const ctdiVolMGy = dose ? read.number(dose, CODES.meanCtdiVol, 'ctdi') : null;
  const phantom = lookUp(PHANTOMS, phantomCode)?.phantom ?? null;
  if (ctdiVolMGy !== null && phantom === null) {
    warnings.push(finding('no-phantom', F.noPhantom, { where, ctdiVol: ctdiVolMGy }));
  }
  return {
    irradiationEventUid: uid,
    protocol: textValueOf(childNamed(acquisition, CODES.acquisitionProtocol)),
    acquisitionType: lookUp(CT_ACQUISITION_TYPES, typeCode)?.type ?? null,
    ctdiVolMGy,
    phantom,
    dlpMGyCm: dose ? read.number(dose, CODES.dlp, 'dlp') : null,
  };
}

/** `zone`: the report's Timezone Offset From UTC, for its date-times (content-tree.ts isoDateTime). */
export function readCtDose(root: ContentItem, warnings: ReportWarning[], zone: string | null = null): CtDose {
  const events = childrenNamed(root, CODES.ctAcquisition).map((acquisition, index) =>
    readEvent(acquisition, index, warnings),
  );
  const accumulated = childNamed(root, CODES.ctAccumulatedDoseData);
  const read = new ItemReader(warnings, sentence(P.ctTotal));
  const dlpMGyCm = accumulated ? read.number(accumulated, CODES.ctDoseLengthProductTotal, 'dlp') : null;
  if (!accumulated || !childNamed(accumulated, CODES.ctDoseLengthProductTotal)) {
    warnings.push(finding('no-dlp-total', F.noDlpTotal));
  }
  const count = accumulated ? read.number(accumulated, CODES.totalNumberOfIrradiationEvents, 'count') : null;
  if (count !== null && count !== events.length) {
    warnings.push(finding('event-count-differs', F.eventCountDiffers, { count, described: events.length }));
  }
  const eventDlps = events.map((event) => event.dlpMGyCm);
  if (dlpMGyCm !== null && events.length > 0 && eventDlps.every((dlp) => dlp !== null)) {
    const sum = eventDlps.reduce<number>((total, dlp) => total + (dlp ?? 0), 0);
    if (Math.abs(sum - dlpMGyCm) > Math.max(0.01 * dlpMGyCm, 0.1)) {
      warnings.push(
        finding('events-differ-from-total', F.eventsDifferFromTotal, {
          sum: Number(sum.toPrecision(6)),
          total: dlpMGyCm,
        }),
      );
    }
  }

  const measured = events.filter((event) => event.ctdiVolMGy !== null);
  const highest = measured.reduce<CtEvent | undefined>(
    (best, event) => (best === undefined || (event.ctdiVolMGy ?? 0) > (best.ctdiVolMGy ?? 0) ? event : best),
    undefined,
  );
  const phantoms = new Set(measured.map((event) => event.phantom).filter((phantom) => phantom !== null));
  if (phantoms.size > 1) {
    warnings.push(
      finding('mixed-phantoms', F.mixedPhantoms, {
        phantoms: { list: [...phantoms].map((phantom: Phantom) => PHANTOM_PART_WORDS[phantom]) },
      }),
    );
  }
  return {
    startedAt: new ItemReader(warnings, sentence(P.report), zone).dateTime(root, CODES.startOfXRayIrradiation),
    dlpMGyCm,
    ctdiVolMGy: highest?.ctdiVolMGy ?? null,
    ctdiVolPhantom: highest?.phantom ?? null,
    events,
  };
}
