import { CODES, CT_ACQUISITION_TYPES, lookUp, PHANTOMS } from './codes.js';
import { type ContentItem, childNamed, childrenNamed, ItemReader, textValueOf, uidValueOf } from './content-tree.js';
import type { CtEvent, Phantom, ReportWarning } from './summary.js';

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

const PHANTOM_WORDS: Record<Phantom, string> = { 'body-32cm': '32 cm body', 'head-16cm': '16 cm head' };

function readEvent(acquisition: ContentItem, index: number, warnings: ReportWarning[]): CtEvent {
  const where = `CT event ${index + 1}`;
  const read = new ItemReader(warnings, where);
  const dose = childNamed(acquisition, CODES.ctDose);
  const uid = uidValueOf(childNamed(acquisition, CODES.irradiationEventUid));
  if (!uid) {
    warnings.push({
      code: 'event-without-uid',
      message: `${where} has no irradiation event UID: a later report cannot be matched to it.`,
    });
  }
  const phantomCode = dose ? read.code(dose, CODES.ctdiwPhantomType) : null;
  const typeCode = read.code(acquisition, CODES.ctAcquisitionType);
  const ctdiVolMGy = dose ? read.number(dose, CODES.meanCtdiVol, 'ctdi') : null;
  const phantom = lookUp(PHANTOMS, phantomCode)?.phantom ?? null;
  if (ctdiVolMGy !== null && phantom === null) {
    warnings.push({
      code: 'no-phantom',
      message: `${where}'s CTDIvol ${ctdiVolMGy} mGy does not say its phantom (32 cm body or 16 cm head): it cannot be compared.`,
    });
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
  const read = new ItemReader(warnings, 'the accumulated CT dose');
  const dlpMGyCm = accumulated ? read.number(accumulated, CODES.ctDoseLengthProductTotal, 'dlp') : null;
  if (!accumulated || !childNamed(accumulated, CODES.ctDoseLengthProductTotal)) {
    warnings.push({
      code: 'no-dlp-total',
      message: 'The report has no accumulated DLP (CT Dose Length Product Total): the DLP is left empty.',
    });
  }
  const count = accumulated ? read.number(accumulated, CODES.totalNumberOfIrradiationEvents, 'count') : null;
  if (count !== null && count !== events.length) {
    warnings.push({
      code: 'event-count-differs',
      message: `The report counts ${count} irradiation events but describes ${events.length}.`,
    });
  }
  const eventDlps = events.map((event) => event.dlpMGyCm);
  if (dlpMGyCm !== null && events.length > 0 && eventDlps.every((dlp) => dlp !== null)) {
    const sum = eventDlps.reduce<number>((total, dlp) => total + (dlp ?? 0), 0);
    if (Math.abs(sum - dlpMGyCm) > Math.max(0.01 * dlpMGyCm, 0.1)) {
      warnings.push({
        code: 'events-differ-from-total',
        message: `The events' DLPs add up to ${Number(sum.toPrecision(6))} mGy·cm, the report's total is ${dlpMGyCm} mGy·cm: the total is taken.`,
      });
    }
  }

  const measured = events.filter((event) => event.ctdiVolMGy !== null);
  const highest = measured.reduce<CtEvent | undefined>(
    (best, event) => (best === undefined || (event.ctdiVolMGy ?? 0) > (best.ctdiVolMGy ?? 0) ? event : best),
    undefined,
  );
  const phantoms = new Set(measured.map((event) => event.phantom).filter((phantom) => phantom !== null));
  if (phantoms.size > 1) {
    warnings.push({
      code: 'mixed-phantoms',
      message: `The events' CTDIvol were measured in different phantoms (${[...phantoms].map((p) => PHANTOM_WORDS[p]).join(' and ')}): they are not comparable; the highest is given with its phantom.`,
    });
  }
  return {
    startedAt: new ItemReader(warnings, 'the report', zone).dateTime(root, CODES.startOfXRayIrradiation),
    dlpMGyCm,
    ctdiVolMGy: highest?.ctdiVolMGy ?? null,
    ctdiVolPhantom: highest?.phantom ?? null,
    events,
  };
}
