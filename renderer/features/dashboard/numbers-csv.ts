import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Dashboard, DoseStat, Quantiles } from '../../../db/model/index.js';

/** Every number of the dashboard as rows (section, group, measure, value), for "export this view as CSV". */
export function dashboardRows(data: Dashboard): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [['section', 'group', 'measure', 'value']];
  const add = (section: string, group: string, measure: string, value: number | null) =>
    rows.push([section, group, measure, value]);
  const addQuantiles = (section: string, group: string, measure: string, q: Quantiles) => {
    add(section, group, `${measure} n`, q.n);
    add(section, group, `${measure} Q1`, q.q1);
    add(section, group, `${measure} median`, q.median);
    add(section, group, `${measure} Q3`, q.q3);
  };
  const addDose = (group: string, measure: string, d: DoseStat) => {
    add('dose', group, `${measure} n`, d.n);
    add('dose', group, `${measure} median`, d.median);
    add('dose', group, `${measure} P75`, d.p75);
    add('dose', group, `${measure} share above reference`, d.aboveReferenceShare);
  };
  add('volume', 'all', 'procedures', data.procedures);
  for (const row of data.volume.byMonth) {
    add('volume', row.month, 'procedures', row.procedures);
    // A part month (the filter or today cuts it): its procedures are those of these days only.
    add('volume', row.month, 'days covered', row.days);
  }
  for (const row of data.volume.byOperator) add('volume', row.label, 'procedures', row.procedures);
  for (const row of data.volume.byRootSide) add('volume', `${row.root} ${row.side}`, 'targets', row.targets);
  add('volume', 'all', 'bilateral share', data.volume.bilateralShare);
  add('volume', 'all', 'caudal share', data.volume.caudalShare);
  for (const group of [data.pain.overall, ...data.pain.byRoot, ...data.pain.byIndication, ...data.pain.byOperator]) {
    addQuantiles('pain', group.label, 'NRS before', group.pre);
    addQuantiles('pain', group.label, 'NRS after', group.post);
    addQuantiles('pain', group.label, 'relief %', group.relief);
    add('pain', group.label, 'responder share', group.responderShare);
  }
  for (const row of data.spread.patterns) add('spread', row.pattern, 'share of targets', row.share);
  for (const row of data.spread.byRoot) {
    add('spread', row.root, 'intravascular rate', row.intravascularRate);
    add('spread', row.root, 'intrathecal rate', row.intrathecalRate);
  }
  add('spread', 'intravascular targets', 'particulate steroid share', data.spread.particulateAfterIntravascular.share);
  for (const row of data.complications)
    add('complications', `${row.complication}${row.severity ? ` (${row.severity})` : ''}`, 'rate', row.rate);
  for (const group of [...data.dose.byModality, ...data.dose.byOperator]) {
    addDose(group.label, 'DLP mGy·cm', group.dlp);
    addDose(group.label, 'CTDIvol mGy', group.ctdiVol);
    addDose(group.label, 'fluoroscopy s', group.fluoroTime);
    addDose(group.label, 'DAP Gy·cm²', group.dap);
  }
  for (const row of data.dose.trend) add('dose trend', row.month, 'DLP median', row.dlpMedian);
  for (const row of data.tableTime) addQuantiles('table time', row.label, 'minutes', row.minutes);
  return rows;
}

export const dashboardCsv = (data: Dashboard): string => stringify(dashboardRows(data));
