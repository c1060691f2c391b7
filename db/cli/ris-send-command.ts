import { parseArgs } from 'node:util';
import { connectionSettingsProblems, risServerSchema } from '../model/connection-settings.js';
import { RootLogError } from '../model/index.js';
import { auditRound, reportsWaiting, sendWaitingReports } from '../ris/outbox.js';
import { connectionSettings } from '../settings.js';
import { openStore } from '../store.js';
import { AS_USAGE, actingOperator } from './acting-operator.js';
import { actor } from './command-kit.js';
import { printable } from './printable.js';
import { UsageError } from './usage-error.js';

/*
 * rootlog ris-send: sends every report waiting in the RIS outbox now (the back-off is for the
 * console's own retries; a person asking means now), over MLLP to --server, with the sending
 * and receiving application, facility and character set from the logbook's Settings → RIS.
 * Prints what was acknowledged; exit 1 when anything was refused, could not be sent or the
 * RIS could not be reached; 2 on a usage error. It changes the outbox, so it runs as a named
 * operator (`--as`, proven by their PIN) and its audit row says who, as `sync` and `import` do.
 */

export const RIS_SEND_USAGE = `  ris-send --db FILE --server mllp://HOST:PORT [--as OPERATOR]
                                           send the reports waiting for the RIS (HL7 ORU^R01);
                                           prints what the RIS acknowledged; exit 1 when it
                                           refused any, or could not be reached
${AS_USAGE}`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

function address(server: string): { host: string; port: number } {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError('--server must be mllp://HOST:PORT');
  }
  if (url.protocol !== 'mllp:' || !url.port || url.username || url.pathname.replace('/', '') !== '')
    throw new UsageError('--server must be mllp://HOST:PORT');
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
    for (const name of ['db', 'server']) if (values[name] === undefined) throw new UsageError(`--${name} is required`);
    server = address(String(values.server));
  } catch (error) {
    io.err(`rootlog ris-send: ${error instanceof Error ? error.message : String(error)}`);
    io.err(`Usage:\n${RIS_SEND_USAGE}`);
    return 2;
  }

  let store: ReturnType<typeof openStore>;
  try {
    store = openStore(String(values.db), { mustExist: true });
  } catch (error) {
    if (!(error instanceof RootLogError)) throw error;
    io.err(`rootlog ris-send: ${printable(error.message)}`);
    return 1;
  }
  try {
    // A damaged logbook is never written to: the store refuses with the reason.
    if ((await store.verify()).state === 'damaged') void store.writer;
    const saved = connectionSettings(store).risServer;
    if (!saved) {
      const waiting = reportsWaiting(store);
      io.out(
        `no RIS is set up in this logbook (Settings → RIS): ${waiting === 0 ? 'nothing is waiting for it' : `${waiting} report(s) wait until one is`}`,
      );
      return waiting === 0 ? 0 : 1;
    }
    const ris = risServerSchema.safeParse({ ...saved, ...server });
    if (!ris.success) {
      io.err(
        `rootlog ris-send: ${connectionSettingsProblems(ris.error, 'risServer')
          .map((problem) => problem.message)
          .join('; ')}`,
      );
      return 2;
    }
    // Who asks is proven before anything is sent: a wrong PIN sends nothing.
    const context = await actingOperator(store, values.as, io, actor());
    const report = await sendWaitingReports(store, ris.data, { ignoreBackoff: true });
    auditRound(store, report, context);
    const named = (item: { patientId: string; accessionNumber: string | null; version: number }) =>
      `patient ${printable(item.patientId)}${item.accessionNumber ? `, accession ${printable(item.accessionNumber)}` : ''}, ${item.version === 1 ? 'report' : `correction (version ${item.version})`}`;
    for (const sent of report.sent) io.out(`  acknowledged: ${named(sent)} (message ${sent.controlId})`);
    for (const refused of report.refused)
      io.out(
        `  refused by the RIS (${refused.code}): ${named(refused)}: ${printable(refused.text || 'no reason given')}`,
      );
    for (const unsendable of report.unsendable)
      io.out(
        `  not sent: procedure ${unsendable.procedureId} version ${unsendable.version}: ${printable(unsendable.reason)}`,
      );
    io.out(
      `sent ${report.sent.length}, refused ${report.refused.length}, not sendable ${report.unsendable.length}; waiting ${report.waiting}`,
    );
    if (report.notReached)
      io.err(
        `rootlog ris-send: the RIS at ${server.host}:${server.port} was not reached (${report.notReached}): what waits is sent next time, nothing is lost`,
      );
    return report.refused.length > 0 || report.unsendable.length > 0 || report.notReached ? 1 : 0;
  } catch (error) {
    if (!(error instanceof RootLogError)) throw error;
    io.err(`rootlog ris-send: ${printable(error.message)}`);
    return 1;
  } finally {
    store.close();
  }
}
