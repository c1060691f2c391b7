import { parseArgs } from 'node:util';
import { connectionSettingsProblems, risServerSchema } from '../model/connection-settings.js';
import { CLI_MESSAGES as M, RootLogError, sentence, type WordValue } from '../model/index.js';
import { auditRound, reportsWaiting, sendWaitingReports } from '../ris/outbox.js';
import { connectionSettings } from '../settings.js';
import { openStore } from '../store.js';
import { actingOperator, asUsage } from './acting-operator.js';
import { type CliSay, cliSpeech } from './cli-speech.js';
import { actor, type Io } from './command-kit.js';
import { printable } from './printable.js';
import { type Usage, usageOf } from './usage.js';
import { UsageError } from './usage-error.js';

/*
 * rootlog ris-send: sends every report waiting in the RIS outbox now (the back-off is for the
 * console's own retries; a person asking means now), over MLLP to --server, with the sending
 * and receiving application, facility and character set from the logbook's Settings → RIS.
 * Prints what was acknowledged; exit 1 when anything was refused, could not be sent or the
 * RIS could not be reached; 2 on a usage error. It changes the outbox, so it runs as a named
 * operator (`--as`, proven by their PIN) and its audit row says who, as `sync` and `import` do.
 */

export const RIS_SEND_USAGE: Usage = {
  syntax: ['  ris-send --db FILE --server mllp://HOST:PORT [--as OPERATOR]'],
  does: M.helpRisSend,
};

/** The error line (`rootlog ris-send: …`) in the output's language; a refusal's declared words said in it. */
const errorLine = (say: CliSay, reason: WordValue) => say(M.errorLine, { command: 'ris-send', reason });
const refusalOf = (error: RootLogError): WordValue => error.words ?? printable(error.message);

function address(server: string): { host: string; port: number } {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(sentence(M.usageServerForm, { form: 'mllp://HOST:PORT' }));
  }
  if (url.protocol !== 'mllp:' || !url.port || url.username || url.pathname.replace('/', '') !== '')
    throw new UsageError(sentence(M.usageServerForm, { form: 'mllp://HOST:PORT' }));
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) };
}

export async function runRisSend(args: string[], io: Io): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let server: { host: string; port: number };
  try {
    values = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { db: { type: 'string' }, server: { type: 'string' }, as: { type: 'string' } },
    }).values;
    for (const name of ['db', 'server'])
      if (values[name] === undefined) throw new UsageError(sentence(M.usageRequired, { option: `--${name}` }));
    server = address(String(values.server));
  } catch (error) {
    const { say } = cliSpeech(null, io.language);
    io.err(errorLine(say, error instanceof UsageError ? error.reason : String(error)));
    io.err(`${say(M.helpUsage)}\n${usageOf(RIS_SEND_USAGE, say)}\n${asUsage(say)}`);
    return 2;
  }

  let store: ReturnType<typeof openStore>;
  try {
    store = openStore(String(values.db), { mustExist: true });
  } catch (error) {
    if (!(error instanceof RootLogError)) throw error;
    io.err(errorLine(cliSpeech(null, io.language).say, refusalOf(error)));
    return 1;
  }
  // The department's language of the logbook opened, else the one asked.
  const { say } = cliSpeech(store, io.language);
  try {
    // A damaged logbook is never written to: the store refuses with the reason.
    if ((await store.verify()).state === 'damaged') void store.writer;
    const saved = connectionSettings(store).risServer;
    if (!saved) {
      const waiting = reportsWaiting(store);
      io.out(say(M.risNotSetUp, { waiting }));
      return waiting === 0 ? 0 : 1;
    }
    const ris = risServerSchema.safeParse({ ...saved, ...server });
    if (!ris.success) {
      const problems = connectionSettingsProblems(ris.error, 'risServer').map(
        (problem) => problem.words ?? problem.message,
      );
      io.err(errorLine(say, { list: problems, separator: '; ' }));
      return 2;
    }
    // Who asks is proven before anything is sent: a wrong PIN sends nothing.
    const context = await actingOperator(store, values.as, io, actor());
    const report = await sendWaitingReports(store, ris.data, { ignoreBackoff: true });
    auditRound(store, report, context);
    // Ids and the RIS's words are shown escaped, never acted on by the terminal.
    const named = (item: { patientId: string; accessionNumber: string | null; version: number }) =>
      say(M.risReportOf, {
        patientId: printable(item.patientId),
        accession: item.accessionNumber ? say(M.risAccession, { accession: printable(item.accessionNumber) }) : '',
        version: item.version,
      });
    for (const sent of report.sent)
      io.out(`  ${say(M.risAcknowledged, { report: named(sent), controlId: sent.controlId })}`);
    for (const refused of report.refused)
      io.out(
        `  ${say(M.risRefused, { code: refused.code, report: named(refused), text: refused.text ? printable(refused.text) : say(M.risNoReason) })}`,
      );
    for (const unsendable of report.unsendable)
      io.out(
        `  ${say(M.risNotSent, { procedureId: unsendable.procedureId, version: unsendable.version, reason: printable(unsendable.reason) })}`,
      );
    io.out(
      say(M.risSent, {
        sent: report.sent.length,
        refused: report.refused.length,
        unsendable: report.unsendable.length,
        waiting: report.waiting,
      }),
    );
    if (report.notReached)
      io.err(
        errorLine(
          say,
          say(M.risNotReached, { host: server.host, port: String(server.port), reason: report.notReached }),
        ),
      );
    return report.refused.length > 0 || report.unsendable.length > 0 || report.notReached ? 1 : 0;
  } catch (error) {
    if (!(error instanceof RootLogError)) throw error;
    io.err(errorLine(say, refusalOf(error)));
    return 1;
  } finally {
    store.close();
  }
}
