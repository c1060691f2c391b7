import { DOSE_REPORT_FINDING_MESSAGES as F, DOSE_REPORT_PART_MESSAGES as P } from '../model/dose-report-words.js';
import { sentence } from '../model/words.js';
import { CODES, lookUp, PLANES, PROJECTION_EVENT_TYPES } from './codes.js';
import { type ContentItem, childNamed, childrenNamed, ItemReader, textValueOf, uidValueOf } from './content-tree.js';
import { finding, type PlaneTotals, type ProjectionEvent, type ReportWarning } from './summary.js';

/*
 * TID 10001 Projection X-Ray Radiation Dose. Totals come from each Accumulated X-Ray Dose
 * container (113702, one per plane). The fluoroscopy time is the plane's Total Fluoro Time
 * (113730): fluoroscopy events often carry no duration of their own, and events of two planes
 * overlap in time, so a sum of event durations is never the time. Two planes' dose-area
 * products and fluoroscopy times add up; their reference-point doses (different points) do not.
 */

export interface ProjectionDose {
  dapGyCm2: number | null;
  fluoroDapGyCm2: number | null;
  acquisitionDapGyCm2: number | null;
  doseRpGy: number | null;
  fluoroTimeS: number | null;
  planes: PlaneTotals[];
  events: ProjectionEvent[];
}

function readPlane(container: ContentItem, index: number, warnings: ReportWarning[]): PlaneTotals {
  const read = new ItemReader(warnings, sentence(P.planeTotal, { number: index + 1 }));
  return {
    plane: lookUp(PLANES, read.code(container, CODES.acquisitionPlane))?.plane ?? null,
    dapGyCm2: read.number(container, CODES.doseAreaProductTotal, 'dap'),
    fluoroDapGyCm2: read.number(container, CODES.fluoroDoseAreaProductTotal, 'dap'),
    acquisitionDapGyCm2: read.number(container, CODES.acquisitionDoseAreaProductTotal, 'dap'),
    doseRpGy: read.number(container, CODES.doseRpTotal, 'rpDose'),
    fluoroTimeS: read.number(container, CODES.totalFluoroTime, 'time'),
    acquisitionTimeS: read.number(container, CODES.totalAcquisitionTime, 'time'),
  };
}

function readEvent(
  container: ContentItem,
  index: number,
  warnings: ReportWarning[],
  zone: string | null,
): ProjectionEvent {
  const where = sentence(P.irradiationEvent, { number: index + 1 });
  const read = new ItemReader(warnings, where, zone);
  const uid = uidValueOf(childNamed(container, CODES.irradiationEventUid));
  if (!uid) {
    warnings.push(finding('event-without-uid', F.eventWithoutUid, { where }));
  }
  return {
    irradiationEventUid: uid,
    protocol: textValueOf(childNamed(container, CODES.acquisitionProtocol)),
    plane: lookUp(PLANES, read.code(container, CODES.acquisitionPlane))?.plane ?? null,
    eventType: lookUp(PROJECTION_EVENT_TYPES, read.code(container, CODES.irradiationEventType))?.type ?? null,
    startedAt: read.dateTime(container, CODES.dateTimeStarted),
    dapGyCm2: read.number(container, CODES.doseAreaProduct, 'dap'),
    doseRpGy: read.number(container, CODES.doseRp, 'rpDose'),
    durationS: read.number(container, CODES.irradiationDuration, 'time'),
  };
}

/** The planes' values added up; null when any plane lacks the value (a part is not the total). */
function total(planes: PlaneTotals[], pick: (plane: PlaneTotals) => number | null): number | null {
  const values = planes.map(pick);
  if (values.length === 0 || values.some((value) => value === null)) return null;
  return Number(values.reduce<number>((sum, value) => sum + (value ?? 0), 0).toPrecision(12));
}

/** `zone`: the report's Timezone Offset From UTC, for its date-times (content-tree.ts isoDateTime). */
export function readProjectionDose(
  root: ContentItem,
  warnings: ReportWarning[],
  zone: string | null = null,
): ProjectionDose {
  const planes = childrenNamed(root, CODES.accumulatedXRayDoseData).map((container, index) =>
    readPlane(container, index, warnings),
  );
  const events = childrenNamed(root, CODES.irradiationEventXRayData).map((container, index) =>
    readEvent(container, index, warnings, zone),
  );
  // A system that also reports an "all planes" container has given its own total.
  const allPlanes = planes.filter((plane) => plane.plane === 'all');
  const counted = allPlanes.length === 1 ? allPlanes : planes;
  if (counted.length > 1) {
    warnings.push(finding('planes-summed', F.planesSummed, { count: counted.length }));
  }
  const dapGyCm2 = total(counted, (plane) => plane.dapGyCm2);
  if (dapGyCm2 === null) {
    warnings.push(finding('no-dap-total', F.noDapTotal));
  }
  const fluoroTimeS = total(counted, (plane) => plane.fluoroTimeS);
  if (fluoroTimeS === null && events.some((event) => event.eventType === 'fluoroscopy')) {
    warnings.push(finding('no-fluoro-time-total', F.noFluoroTimeTotal));
  }
  return {
    dapGyCm2,
    fluoroDapGyCm2: total(counted, (plane) => plane.fluoroDapGyCm2),
    acquisitionDapGyCm2: total(counted, (plane) => plane.acquisitionDapGyCm2),
    doseRpGy: counted.length === 1 ? (counted[0]?.doseRpGy ?? null) : null,
    fluoroTimeS,
    planes,
    events,
  };
}
