import { parseArgs } from 'node:util';
import { connectionSettingsProblems, type WorklistServer, worklistServerSchema } from '../model/connection-settings.js';
import { CLI_MESSAGES as M, sentence } from '../model/index.js';
import { echoWorklist, findWorklist } from '../worklist/client.js';
import { localDate } from '../worklist/dicom-dates.js';
import { personNameShown } from '../worklist/person-name.js';
import type { WorklistEntry } from '../worklist/worklist-entry.js';
import { WorklistError } from '../worklist/worklist-errors.js';
import { type WorklistQuery, worklistQuerySchema } from '../worklist/worklist-query.js';
import { type CliSay, cliSpeech } from './cli-speech.js';
import type { Io } from './command-kit.js';
import { printable } from './printable.js';
import { type Usage, usageOf } from './usage.js';
import { UsageError } from './usage-error.js';

/*
 * rootlog worklist: the DICOM Modality Worklist from the command line, for IT setting up a
 * console and for scripts. Exit 0 when the server answered, 1 when it could not be asked
 * (the reason in words), 2 on a usage error.
 */

export const WORKLIST_USAGE: Usage = {
  syntax: [
    '  worklist --server dicom://CALLED_AE@HOST:PORT --ae CALLING_AE [--date YYYY-MM-DD] [--days N]',
    '          [--modality CT] [--station AE] [--json] [--echo]',
  ],
  does: M.helpWorklist,
};

function connection(values: Record<string, string | boolean | undefined>): WorklistServer {
  const server = String(values.server ?? '');
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(sentence(M.usageServerForm, { form: 'dicom://CALLED_AE@HOST:PORT' }));
  }
  if (url.protocol !== 'dicom:' || !url.username || !url.port || url.pathname.replace('/', '') !== '')
    throw new UsageError(sentence(M.usageServerForm, { form: 'dicom://CALLED_AE@HOST:PORT' }));
  const parsed = worklistServerSchema.safeParse({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port),
    calledAe: decodeURIComponent(url.username),
    callingAe: values.ae,
    ...(values.station === undefined ? {} : { stationAe: values.station }),
    ...(values.modality === undefined ? {} : { modality: values.modality }),
  });
  if (!parsed.success)
    throw new UsageError(
      sentence(M.usageSettingProblems, {
        problems: {
          list: connectionSettingsProblems(parsed.error, 'worklistServer').map(
            (problem) => problem.words ?? problem.message,
          ),
          separator: '; ',
        },
      }),
    );
  return parsed.data;
}

const shownEntry = (entry: WorklistEntry, say: CliSay) =>
  [
    (entry.scheduledAt ?? '').replace('T', ' ').padEnd(16),
    `${entry.patientId}${entry.issuerOfPatientId ? ` (${entry.issuerOfPatientId})` : ''}`,
    entry.patientName ? personNameShown(entry.patientName) : say(M.worklistNoName),
    entry.birthDate ?? '',
    entry.sex ?? '',
    entry.accessionNumber ? say(M.worklistAccession, { accession: entry.accessionNumber }) : '',
    entry.requestedProcedure?.text ?? '',
  ]
    .filter(Boolean)
    .map((part) => printable(part))
    .join('  ');

export async function runWorklist(args: string[], io: Io): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        server: { type: 'string' },
        ae: { type: 'string' },
        date: { type: 'string' },
        days: { type: 'string' },
        modality: { type: 'string' },
        station: { type: 'string' },
        json: { type: 'boolean' },
        echo: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    return usage(io, new UsageError(error instanceof Error ? error.message : String(error)));
  }

  let peer: WorklistServer;
  let query: WorklistQuery;
  try {
    for (const name of ['server', 'ae'])
      if (values[name] === undefined) throw new UsageError(sentence(M.usageRequired, { option: `--${name}` }));
    peer = connection(values);
    const days = values.days === undefined ? 0 : Number(values.days);
    if (!/^\d+$/.test(String(values.days ?? '0')) || days > 31)
      throw new UsageError(sentence(M.usageWholeNumber, { option: '--days', min: '0', max: '31' }));
    const from = typeof values.date === 'string' ? values.date : localDate(new Date());
    const to = /^\d{4}-\d{2}-\d{2}$/.test(from) ? localDate(new Date(`${from}T12:00:00`), days) : from;
    const parsed = worklistQuerySchema.safeParse({ stationAe: peer.stationAe, modality: peer.modality, from, to });
    if (!parsed.success) throw new UsageError(sentence(M.usageRealDate));
    query = parsed.data;
  } catch (error) {
    return usage(io, error);
  }

  const named = `${peer.calledAe}@${peer.host}:${peer.port}`;
  // No logbook is opened: the language asked (--language), else English.
  const { say } = cliSpeech(null, io.language);
  try {
    if (values.echo) {
      const echo = await echoWorklist(peer);
      io.out(say(M.worklistEchoed, { server: printable(named), milliseconds: echo.milliseconds }));
      return 0;
    }
    const answer = await findWorklist(peer, query);
    if (values.json) {
      io.out(JSON.stringify(answer, null, 2));
      return 0;
    }
    const days = query.from === query.to ? query.from : say(M.worklistDays, { from: query.from, to: query.to });
    const station = peer.stationAe ? say(M.worklistStation, { station: peer.stationAe }) : say(M.worklistEveryStation);
    const scope = [peer.modality, station].join(', ');
    io.out(
      say(M.worklistScheduled, {
        count: answer.entries.length,
        days,
        scope: printable(scope),
        server: printable(named),
      }),
    );
    // The RIS's values inside the words are shown escaped, never acted on by the terminal.
    for (const entry of answer.entries) {
      io.out(`  ${shownEntry(entry, say)}`);
      for (const problem of entry.problems)
        io.out(`      ${printable(say(problem.words.message, problem.words.values))}`);
    }
    for (const rejected of answer.rejected) io.out(`  ${printable(say(M.worklistRefused, rejected.words))}`);
    for (const warning of answer.warnings) io.out(printable(say(M.worklistNote, { note: warning })));
    return 0;
  } catch (error) {
    if (error instanceof WorklistError) {
      io.err(say(M.errorLine, { command: 'worklist', reason: error.words }));
      return 1;
    }
    throw error;
  }
}

function usage(io: Io, error: unknown): number {
  if (!(error instanceof UsageError)) throw error;
  const { say } = cliSpeech(null, io.language);
  io.err(say(M.errorLine, { command: 'worklist', reason: error.reason }));
  io.err(`${say(M.helpUsage)}\n${usageOf(WORKLIST_USAGE, say)}`);
  return 2;
}
