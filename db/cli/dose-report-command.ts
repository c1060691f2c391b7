import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DoseReportSummary, Phantom } from '../dose-report/summary.js';
import { RootLogError } from '../model/errors.js';

/*
 * rootlog dose-report: one radiation dose structured report (RDSR) file read and its totals
 * printed, for a physicist checking what a scanner sends before it is pointed at RootLog.
 * Exit 0 read, 1 not a dose report (the reason said), 2 a usage error.
 */

export const DOSE_REPORT_USAGE = `  dose-report --in FILE [--json]           read a scanner's radiation dose report (RDSR) and print
                                           its totals, events and warnings; --json: one object`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const PHANTOM_WORDS: Record<Phantom, string> = { 'body-32cm': '32 cm body phantom', 'head-16cm': '16 cm head phantom' };

const figure = (value: number | null, unit: string) => (value === null ? 'not in the report' : `${value} ${unit}`);

/** The JSON object: the totals as numbers or null, the device, the study, the warnings as sentences. */
export function doseReportJson(summary: DoseReportSummary) {
  return {
    kind: summary.kind,
    dlpMGyCm: summary.dlpMGyCm,
    ctdiVolMGy: summary.ctdiVolMGy,
    ctdiVolPhantom: summary.ctdiVolPhantom,
    dapGyCm2: summary.dapGyCm2,
    fluoroDapGyCm2: summary.fluoroDapGyCm2,
    acquisitionDapGyCm2: summary.acquisitionDapGyCm2,
    doseRpGy: summary.doseRpGy,
    fluoroTimeS: summary.fluoroTimeS,
    manufacturer: summary.manufacturer,
    model: summary.model,
    stationName: summary.stationName,
    deviceSerial: summary.deviceSerial,
    studyInstanceUid: summary.studyInstanceUid,
    sopInstanceUid: summary.sopInstanceUid,
    accessionNumber: summary.accessionNumber,
    patientId: summary.patientId,
    studyDate: summary.studyDate,
    studyTime: summary.studyTime,
    irradiationStartedAt: summary.irradiationStartedAt,
    events: summary.ctEvents.length + summary.projectionEvents.length,
    ctEvents: summary.ctEvents,
    projectionEvents: summary.projectionEvents,
    planes: summary.planes,
    warnings: summary.warnings.map((warning) => warning.message),
  };
}

function printText(summary: DoseReportSummary, io: Io): void {
  const device = [summary.manufacturer, summary.model].filter(Boolean).join(' ') || 'unknown device';
  const station = [
    summary.stationName && `station ${summary.stationName}`,
    summary.deviceSerial && `serial ${summary.deviceSerial}`,
  ].filter(Boolean);
  io.out(
    `${summary.kind === 'ct' ? 'CT' : 'Projection X-ray'} dose report from ${device}${station.length ? ` (${station.join(', ')})` : ''}`,
  );
  io.out(
    `study ${summary.studyInstanceUid ?? '-'}, accession ${summary.accessionNumber ?? '-'}, patient ${summary.patientId ?? '-'}, ${summary.studyDate ?? 'no date'} ${summary.studyTime ?? ''}`.trimEnd(),
  );
  if (summary.kind === 'ct') {
    io.out(`DLP total      ${figure(summary.dlpMGyCm, 'mGy·cm')}`);
    io.out(
      `CTDIvol        ${figure(summary.ctdiVolMGy, 'mGy')}${summary.ctdiVolMGy !== null ? ` (highest event; ${summary.ctdiVolPhantom ? PHANTOM_WORDS[summary.ctdiVolPhantom] : 'phantom not given'})` : ''}`,
    );
    io.out(`events         ${summary.ctEvents.length}`);
    summary.ctEvents.forEach((event, index) => {
      io.out(
        `  ${index + 1}. ${event.protocol ?? '(no protocol)'}: CTDIvol ${figure(event.ctdiVolMGy, 'mGy')}${event.phantom ? ` (${event.phantom})` : ''}, DLP ${figure(event.dlpMGyCm, 'mGy·cm')}`,
      );
    });
  } else {
    io.out(`DAP total      ${figure(summary.dapGyCm2, 'Gy·cm²')}`);
    io.out(`fluoroscopy    ${figure(summary.fluoroTimeS, 's')}`);
    io.out(`dose (RP)      ${figure(summary.doseRpGy, 'Gy')}`);
    for (const plane of summary.planes) {
      io.out(
        `  plane ${plane.plane ?? '?'}: DAP ${figure(plane.dapGyCm2, 'Gy·cm²')}, fluoroscopy ${figure(plane.fluoroTimeS, 's')}, dose (RP) ${figure(plane.doseRpGy, 'Gy')}`,
      );
    }
    io.out(`events         ${summary.projectionEvents.length}`);
  }
  if (summary.warnings.length > 0) {
    io.out('warnings:');
    for (const warning of summary.warnings) io.out(`  - ${warning.message}`);
  }
}

function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw RootLogError.untranslated(
      'not_found',
      code === 'ENOENT'
        ? `The file ${path} does not exist.`
        : `The file ${path} could not be read (${code ?? 'error'}).`,
    );
  }
}

export async function run(args: string[], io: Io): Promise<number> {
  let values: { in?: string; json?: boolean };
  try {
    values = parseArgs({ args, options: { in: { type: 'string' }, json: { type: 'boolean' } }, strict: true }).values;
    if (values.in === undefined) throw new Error('--in is required');
  } catch (error) {
    io.err(`rootlog dose-report: ${error instanceof Error ? error.message : String(error)}`);
    io.err(`Usage:\n${DOSE_REPORT_USAGE}`);
    return 2;
  }
  // Loaded here, not at start: every other command starts without the DICOM library.
  const { readDoseReport } = await import('../dose-report/read-dose-report.js');
  const summary = readDoseReport(readInput(values.in));
  if (values.json) io.out(JSON.stringify(doseReportJson(summary), null, 2));
  else printText(summary, io);
  return 0;
}
