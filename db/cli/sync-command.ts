import { readFileSync } from 'node:fs';
import { checkCaPem, type HubEndpoint, HubUrlError, parseServerUrl } from '../hub/connect.js';
import { keyFileOf, keyFileVault } from '../hub/console-key.js';
import { HubError } from '../hub/errors.js';
import { syncOnce } from '../hub/sync.js';
import { CLI_MESSAGES as M, RootLogError, sentence, type Words } from '../model/index.js';
import { openStore } from '../store.js';
import { actingOperator } from './acting-operator.js';
import { cliSpeech } from './cli-speech.js';
import { actor, checkedBeforeWriting, type Io, options } from './command-kit.js';
import { serverPassword } from './password.js';
import { printable, printableLines } from './printable.js';
import type { Usage } from './usage.js';
import { UsageError } from './usage-error.js';

/*
 * rootlog sync: one push and pull with the department hub, as the app does in the background.
 * The console's signing key is the key file beside the logbook (made at first use, readable by
 * this user alone: see docs/hub.md); the password from PGPASSWORD or typed, never in the URL.
 */

export const SYNC_USAGE: Usage = {
  syntax: [
    '  sync    --db FILE --server postgres://USER@HOST:PORT/DATABASE [--ca FILE] [--allow-plain HOST] --as OPERATOR',
  ],
  does: M.helpSync,
};

/** The server as the command line names it: the URL, the CA file and the administrator's plain-text host. */
export function endpointFromArgs(
  values: Record<string, string | boolean | undefined>,
  password: string | undefined,
): HubEndpoint {
  let server: ReturnType<typeof parseServerUrl>;
  try {
    server = parseServerUrl(String(values.server));
  } catch (error) {
    if (error instanceof HubUrlError) throw new UsageError(error.message);
    throw error;
  }
  let caPem: string | null = null;
  if (typeof values.ca === 'string') {
    try {
      caPem = readFileSync(values.ca, 'utf8');
    } catch {
      throw new UsageError(sentence(M.usageCaUnreadable, { file: values.ca }));
    }
    try {
      checkCaPem(caPem, `--ca ${values.ca}`);
    } catch (error) {
      throw new UsageError(error instanceof HubError ? error.words : String(error));
    }
  }
  const allowPlainFor = typeof values['allow-plain'] === 'string' ? values['allow-plain'] : null;
  if (allowPlainFor !== null && allowPlainFor.toLowerCase() !== server.host.toLowerCase())
    throw new UsageError(sentence(M.usageAllowPlain, { named: allowPlainFor, host: server.host }));
  return { ...server, password, caPem, allowPlainFor };
}

export const SERVER_OPTIONS = {
  server: { type: 'string' },
  ca: { type: 'string' },
  'allow-plain': { type: 'string' },
} as const;

export async function runSync(args: string[], io: Io): Promise<number> {
  const values = options(
    args,
    // --tls is from before TLS was always on: accepted, and changes nothing.
    { db: { type: 'string' }, ...SERVER_OPTIONS, tls: { type: 'boolean' }, as: { type: 'string' } },
    ['db', 'server'],
  );
  const server = endpointFromArgs(values, undefined);
  const db = String(values.db);
  const store = openStore(db, { mustExist: true });
  try {
    await checkedBeforeWriting(store);
    // Who ran the sync is in the audit rows of what it pulled: the operator proven by --as.
    const context = await actingOperator(store, values.as, io, actor());
    const endpoint = { ...server, password: await serverPassword(io, server.user) };
    let report: Awaited<ReturnType<typeof syncOnce>>;
    try {
      report = await syncOnce(store, { endpoint, vault: keyFileVault(keyFileOf(db)) }, context);
    } catch (error) {
      if (error instanceof HubError) throw new RootLogError('database_unavailable', error.words);
      throw error;
    }
    const { say } = cliSpeech(store, io.language);
    // The hub client's notice (a hub restored, a new hub met), in the language.
    if (report.notice) io.out(printableLines(say(report.notice.message, report.notice.values)));
    io.out(
      say(M.synced, {
        pushed: report.pushed,
        unchanged: report.unchanged,
        pulled: report.pulled,
        amendments: report.amendmentsPulled,
        followUps: report.followUpsPulled,
        conflicts: report.conflicts.length,
        refused: report.refused.length,
        waiting: report.waiting,
        pending: report.pending,
      }),
    );
    // Ids and reasons can come from the hub: shown escaped, never acted on by the terminal.
    // Each reason in the language (the values in it, from the hub or PostgreSQL, escaped with it).
    const reasonOf = (row: { words: Words }) => printable(say(row.words.message, row.words.values));
    for (const conflict of report.conflicts)
      io.out(`  ${say(M.syncConflict, { id: printable(conflict.id), reason: reasonOf(conflict) })}`);
    for (const refusal of report.refused)
      io.out(`  ${say(M.syncRefused, { id: printable(refusal.id), reason: reasonOf(refusal) })}`);
    return report.conflicts.length > 0 || report.refused.length > 0 ? 1 : 0;
  } finally {
    store.close();
  }
}
