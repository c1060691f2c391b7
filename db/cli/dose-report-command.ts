import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DoseReportSummary, Phantom } from '../dose-report/summary.js';
import { DOSE_DEVICE_MESSAGES, CLI_MESSAGES as M, type Message, RootLogError, sentence } from '../model/index.js';
import { type CliSay, cliSpeech } from './cli-speech.js';
import type { Io } from './command-kit.js';
import { type Usage, usageOf } from './usage.js';
import { UsageError } from './usage-error.js';

/*
 * rootlog dose-report: one radiation dose structured report (RDSR) file read and its totals
 * printed, for a physicist checking what a scanner sends before it is pointed at RootLog.
 * Exit 0 read, 1 not a dose report (the reason said), 2 a usage error.
 */

export const DOSE_REPORT_USAGE: Usage = { syntax: ['  dose-report --in FILE [--json]'], does: M.helpDoseReport };

/** A total or "not in the report": the number as the language writes it, its unit kept. */
const figure = (say: CliSay, value: number | null, unit: string) =>
  value === null ? say(M.doseNotInReport) : say(M.doseFigure, { value, unit });

const PHANTOM_WORDS: Record<Phantom, Message> = { 'body-32cm': M.doseBodyPhantom, 'head-16cm': M.doseHeadPhantom };

/** The totals' labels, aligned after the longest in the language ("fluoroscopy    "). */
const TOTAL_LABELS = [
  M.doseDlpTotal,
  M.doseCtdiVol,
  M.doseEvents,
  M.doseDapTotal,
  M.doseFluoroscopy,
  M.doseAtReferencePoint,
];

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

function printText(summary: DoseReportSummary, io: Io, say: CliSay): void {
  const device = [summary.manufacturer, summary.model].filter(Boolean).join(' ') || say(DOSE_DEVICE_MESSAGES.unknown);
  const station = [
    summary.stationName && say(M.doseStation, { name: summary.stationName }),
    summary.deviceSerial && say(M.doseSerial, { serial: summary.deviceSerial }),
  ].filter(Boolean);
  io.out(
    say(M.doseReportHeading, { kind: summary.kind, device, station: station.length ? ` (${station.join(', ')})` : '' }),
  );
  io.out(
    say(M.doseStudy, {
      study: summary.studyInstanceUid ?? '-',
      accession: summary.accessionNumber ?? '-',
      patient: summary.patientId ?? '-',
      date: summary.studyDate ?? say(M.doseNoDate),
      time: summary.studyTime ?? '',
    }).trimEnd(),
  );
  const width = Math.max(...TOTAL_LABELS.map((label) => say(label).length)) + 4;
  const total = (label: (typeof TOTAL_LABELS)[number], value: string) => io.out(`${say(label).padEnd(width)}${value}`);
  if (summary.kind === 'ct') {
    total(M.doseDlpTotal, figure(say, summary.dlpMGyCm, 'mGy·cm'));
    const phantom = summary.ctdiVolPhantom ? say(PHANTOM_WORDS[summary.ctdiVolPhantom]) : say(M.doseNoPhantom);
    total(
      M.doseCtdiVol,
      `${figure(say, summary.ctdiVolMGy, 'mGy')}${summary.ctdiVolMGy !== null ? say(M.doseHighestEvent, { phantom }) : ''}`,
    );
    total(M.doseEvents, String(summary.ctEvents.length));
    summary.ctEvents.forEach((event, index) => {
      io.out(
        `  ${say(M.doseCtEvent, {
          number: index + 1,
          protocol: event.protocol ?? say(M.doseNoProtocol),
          ctdiVol: figure(say, event.ctdiVolMGy, 'mGy'),
          phantom: event.phantom ? ` (${event.phantom})` : '',
          dlp: figure(say, event.dlpMGyCm, 'mGy·cm'),
        })}`,
      );
    });
  } else {
    total(M.doseDapTotal, figure(say, summary.dapGyCm2, 'Gy·cm²'));
    total(M.doseFluoroscopy, figure(say, summary.fluoroTimeS, 's'));
    total(M.doseAtReferencePoint, figure(say, summary.doseRpGy, 'Gy'));
    for (const plane of summary.planes) {
      io.out(
        `  ${say(M.dosePlane, {
          plane: plane.plane ?? '?',
          dap: figure(say, plane.dapGyCm2, 'Gy·cm²'),
          time: figure(say, plane.fluoroTimeS, 's'),
          dose: figure(say, plane.doseRpGy, 'Gy'),
        })}`,
      );
    }
    total(M.doseEvents, String(summary.projectionEvents.length));
  }
  if (summary.warnings.length > 0) {
    // The reader's findings in the language (the JSON gives their English).
    io.out(say(M.doseWarnings));
    for (const warning of summary.warnings) io.out(`  - ${say(warning.words.message, warning.words.values)}`);
  }
}

function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new RootLogError(
      'not_found',
      code === 'ENOENT'
        ? sentence(M.fileMissing, { path })
        : sentence(M.fileUnreadable, { path, code: code ?? 'error' }),
    );
  }
}

export async function run(args: string[], io: Io): Promise<number> {
  let values: { in?: string; json?: boolean };
  try {
    values = parseArgs({ args, options: { in: { type: 'string' }, json: { type: 'boolean' } }, strict: true }).values;
    if (values.in === undefined) throw new UsageError(sentence(M.usageRequired, { option: '--in' }));
  } catch (error) {
    // Node's own parser says its reason in English.
    const reason = error instanceof UsageError ? error.reason : error instanceof Error ? error.message : String(error);
    const { say } = cliSpeech(null, io.language);
    io.err(say(M.errorLine, { command: 'dose-report', reason }));
    io.err(`${say(M.helpUsage)}\n${usageOf(DOSE_REPORT_USAGE, say)}`);
    return 2;
  }
  // Loaded here, not at start: every other command starts without the DICOM library.
  const { readDoseReport } = await import('../dose-report/read-dose-report.js');
  const summary = readDoseReport(readInput(values.in));
  if (values.json) io.out(JSON.stringify(doseReportJson(summary), null, 2));
  // No logbook is opened: the language asked (--language), else English.
  else printText(summary, io, cliSpeech(null, io.language).say);
  return 0;
}
