import { parseArgs } from 'node:util';
import { busyLogbook, isBusy } from '../busy.js';
import { runExport } from '../exports/run.js';
import { followUpsDue } from '../follow-ups.js';
import { importFile } from '../imports/merge.js';
import { formatHead, parseHead } from '../ledger/head.js';
import { type CheckReport, checkDatabase } from '../maintenance.js';
import {
  followUpsDueQuerySchema,
  type Language,
  CLI_MESSAGES as M,
  RootLogError,
  sentence,
  type Words,
  type WordValue,
} from '../model/index.js';
import { seedDatabase } from '../seed.js';
import { pseudonymKey, restorePseudonymKey } from '../settings.js';
import { dashboard, parseDashboardFilter } from '../stats/dashboard.js';
import { formatDashboard, formatOutcomes } from '../stats/format.js';
import { followUpOutcomes } from '../stats/outcomes.js';
import { openStore, type Store } from '../store.js';
import { actingOperator, asUsage } from './acting-operator.js';
import { BACKUP_USAGE, run as backup } from './backup-command.js';
import { askedLanguage, type CliSay, cliSpeech } from './cli-speech.js';
import { actor, checkedBeforeWriting, type Io, options } from './command-kit.js';
import * as doseReport from './dose-report-command.js';
import { HUB_USAGE, runHub } from './hub-command.js';
import { printable, printableLines } from './printable.js';
import { RIS_SEND_USAGE, runRisSend } from './ris-send-command.js';
import { runSync, SYNC_USAGE } from './sync-command.js';
import { type Usage, usageOf } from './usage.js';
import { UsageError } from './usage-error.js';
import { WORDINGS_USAGE, run as wordings } from './wordings-command.js';

export type { Io } from './command-kit.js';

import { runWorklist, WORKLIST_USAGE } from './worklist-command.js';

/*
 * rootlog — the command line for IT and physicists: seed, check, backup.
 * Exit codes: 0 done, 1 a problem with the data or the file, 2 a usage error; 141 the reader
 * of the output went away (rootlog.ts), as for any tool stopped by SIGPIPE.
 */

/** Every command's usage, in the order the usage text lists them. */
const COMMAND_USAGES: readonly Usage[] = [
  { syntax: ['  seed    --db FILE --count N [--seed S] [--as OPERATOR]'], does: M.helpSeed },
  { syntax: ['  check   --db FILE [--expect-head HEAD]'], does: M.helpCheck },
  BACKUP_USAGE,
  WORDINGS_USAGE,
  { syntax: ['  key     --db FILE --show | --set HEX --as OPERATOR'], does: M.helpKey },
  {
    syntax: [
      '  export  --db FILE --format csv|xlsx|json|fhir --out FILE [--force]',
      '          [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--operator ID ...]',
      '          [--pseudonymize [--date-precision day|month]] [--include-drafts] [--european] [--detail-files]',
    ],
    does: M.helpExport,
  },
  { syntax: ['  import  --db FILE --in FILE --as OPERATOR'], does: M.helpImport },
  { syntax: ['  follow-ups-due --db FILE [--date YYYY-MM-DD]'], does: M.helpFollowUpsDue },
  SYNC_USAGE,
  ...HUB_USAGE,
  { syntax: ['  stats   --db FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]'], does: M.helpStats },
  doseReport.DOSE_REPORT_USAGE,
  WORKLIST_USAGE,
  RIS_SEND_USAGE,
];

/** The usage text in the output's language; the syntax as it is typed. */
export function usageText(say: CliSay): string {
  return [
    say(M.helpHeading),
    '',
    say(M.helpCommands),
    ...COMMAND_USAGES.map((usage) => usageOf(usage, say)),
    '',
    say(M.helpOptions),
    asUsage(say),
    `          ${say(M.helpAsWithoutPins)}`,
    usageOf({ syntax: ['  --language de|fr|it|en'], does: M.helpLanguage }, say),
    usageOf({ syntax: ['  --help'], does: M.helpHelp }, say),
  ].join('\n');
}

/**
 * For commands that only read (export, stats): read-only, so they work on a write-protected
 * file or medium; an older logbook is first brought to this schema, which needs writing.
 */
function openForReading(path: string): Store {
  try {
    return openStore(path, { readonly: true });
  } catch (error) {
    if (error instanceof RootLogError && error.code === 'database_outdated')
      return openStore(path, { mustExist: true });
    throw error;
  }
}

const wholeNumber = (name: string, value: string | boolean | undefined, min: number, max: number): number => {
  const number = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || number < min || number > max) {
    throw new UsageError(sentence(M.usageWholeNumber, { option: `--${name}`, min: String(min), max: String(max) }));
  }
  return number;
};

async function seed(args: string[], io: Io): Promise<number> {
  const values = options(
    args,
    { db: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, as: { type: 'string' } },
    ['db', 'count'],
  );
  const count = wholeNumber('count', values.count, 1, 10_000_000);
  const seedValue = values.seed === undefined ? 1 : wholeNumber('seed', values.seed, 0, 2 ** 32 - 1);
  const store = openStore(String(values.db));
  try {
    await checkedBeforeWriting(store);
    const context = await actingOperator(store, values.as, io, actor());
    const started = performance.now();
    const { say, decimals } = cliSpeech(store, io.language);
    const result = seedDatabase(
      store,
      { count, seed: seedValue, onProgress: (done, total) => io.progress?.(say(M.seedProgress, { done, total })) },
      context,
    );
    const seconds = (performance.now() - started) / 1000;
    io.out(
      say(M.seeded, {
        count: result.added,
        path: store.path,
        seconds: decimals(seconds, 1),
        rate: Math.round(result.added / seconds),
      }),
    );
    return 0;
  } finally {
    store.close();
  }
}

/** The output's words for a logbook file: its department's language when it can be read, else the one asked. */
function speechOfFile(path: string, io: Io): CliSay {
  let store: Store | undefined;
  try {
    store = openStore(path, { readonly: true });
    return cliSpeech(store, io.language).say;
  } catch {
    return cliSpeech(null, io.language).say;
  } finally {
    store?.close();
  }
}

/** The report's labels, aligned after the longest in the language ("follow-up chain: "). */
const CHECK_LABELS = [
  M.checkDatabase,
  M.checkSchemaVersion,
  M.checkIntegrity,
  M.checkForeignKeys,
  M.checkDashboardFacts,
  M.checkTriggers,
  M.checkSchema,
  M.checkAuditChain,
  M.checkVersionChain,
  M.checkSignedRecords,
  M.checkFollowUpChain,
  M.checkStateChain,
  M.checkChainHead,
  M.checkKeptHead,
  M.checkDrugNames,
];

function check(args: string[], io: Io): number {
  const values = options(args, { db: { type: 'string' }, 'expect-head': { type: 'string' } }, ['db']);
  const expectHead = values['expect-head'] === undefined ? undefined : parseHead(String(values['expect-head']));
  const report = checkDatabase(String(values.db), { expectHead });
  const say = speechOfFile(String(values.db), io);
  const width = Math.max(...CHECK_LABELS.map((label) => say(label).length)) + 2;
  const line = (label: (typeof CHECK_LABELS)[number], value: string) =>
    io.out(`${`${say(label)}:`.padEnd(width)}${value}`);
  const ok = say(M.ok);
  const okOr = (count: number, message: typeof M.problems) => (count === 0 ? ok : say(message, { count }));
  line(M.checkDatabase, report.path);
  line(M.checkSchemaVersion, say(M.versionOfApp, { version: report.schemaVersion, app: report.appSchemaVersion }));
  line(M.checkIntegrity, report.integrity.join('; '));
  line(M.checkForeignKeys, okOr(report.foreignKeyViolations, M.violations));
  const wrongFacts = report.wrongDashboardFacts;
  line(
    M.checkDashboardFacts,
    wrongFacts.count === 0 ? ok : say(M.factsDisagree, { count: wrongFacts.count, ids: wrongFacts.ids.join(', ') }),
  );
  const { ledger } = report;
  if (ledger) {
    line(M.checkTriggers, okOr(ledger.triggers.length, M.problems));
    for (const problem of ledger.triggers) io.out(`  ${printable(problem)}`);
    line(M.checkSchema, okOr(ledger.schema.length, M.problems));
    for (const problem of [...ledger.schema, ...ledger.openAmendments]) io.out(`  ${printable(problem)}`);
    line(
      M.checkAuditChain,
      ledger.audit ? say(M.broken, { reason: ledger.audit }) : say(M.okRows, { count: ledger.head.audit.seq }),
    );
    line(
      M.checkVersionChain,
      ledger.versions
        ? say(M.broken, { reason: ledger.versions })
        : say(M.okSignedVersions, { count: ledger.head.versions.count }),
    );
    line(
      M.checkSignedRecords,
      ledger.records.count === 0
        ? say(M.okMatchSigned, { count: ledger.records.checked })
        : say(M.differFromSigned, { count: ledger.records.count }),
    );
    for (const problem of ledger.records.problems) io.out(`  ${printable(problem)}`);
    line(
      M.checkFollowUpChain,
      ledger.followUps
        ? say(M.broken, { reason: printable(ledger.followUps) })
        : say(M.okFollowUps, { count: ledger.head.followUps?.count ?? 0 }),
    );
    line(
      M.checkStateChain,
      ledger.state
        ? say(M.broken, { reason: printable(ledger.state) })
        : ledger.stateProblems.count === 0
          ? say(M.okLinks, { count: ledger.head.state?.count ?? 0 })
          : say(M.changedOutside, { count: ledger.stateProblems.count }),
    );
    for (const problem of ledger.stateProblems.problems) io.out(`  ${printable(problem)}`);
    line(
      M.checkDrugNames,
      ledger.lookAlikeDrugs.length === 0
        ? say(M.noLookAlikeDrugs)
        : say(M.lookAlikeDrugPairs, { count: ledger.lookAlikeDrugs.length }),
    );
    for (const pair of ledger.lookAlikeDrugs) io.out(`  ${printable(pair)}`);
    if (!ledger.audit && !ledger.versions && !ledger.followUps && !ledger.state)
      line(M.checkChainHead, formatHead(ledger.head));
    if (ledger.expectedHead !== null) line(M.checkKeptHead, ledger.expectedHead);
  }
  for (const [table, count] of Object.entries(report.counts)) io.out(`  ${table.padEnd(22)} ${count}`);
  if (!report.ok) io.err(say(M.checkFailed, { reason: failure(report, say) }));
  else io.out(say(report.ledger?.lookAlikeDrugs.length ? M.checkPassedDrugsToCorrect : M.checkPassed));
  return report.ok ? 0 : 1;
}

function failure(report: CheckReport, say: CliSay): string {
  const { ledger } = report;
  if (report.schemaVersion !== report.appSchemaVersion)
    return say(M.failSchema, { version: report.schemaVersion, app: report.appSchemaVersion });
  if (report.integrity[0] !== 'ok' || report.foreignKeyViolations !== 0) return say(M.failIntegrity);
  if (ledger && !ledger.ok) return say(M.failTampered);
  return say(M.failFacts);
}

async function exportCommand(args: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        operator: { type: 'string', multiple: true },
        pseudonymize: { type: 'boolean' },
        'include-drafts': { type: 'boolean' },
        european: { type: 'boolean' },
        'detail-files': { type: 'boolean' },
        force: { type: 'boolean' },
        'date-precision': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  for (const name of ['db', 'format', 'out'])
    if (values[name] === undefined) throw new UsageError(sentence(M.usageRequired, { option: `--${name}` }));
  // Read only: an export works on a write-protected file or medium, and never changes the logbook.
  const store = openForReading(String(values.db));
  try {
    const { say, decimals } = cliSpeech(store, io.language);
    const started = performance.now();
    const result = await runExport(
      store,
      {
        format: values.format,
        out: values.out,
        from: values.from,
        to: values.to,
        operatorIds: values.operator,
        pseudonymize: values.pseudonymize === true,
        includeDrafts: values['include-drafts'] === true,
        european: values.european === true,
        detailFiles: values['detail-files'] === true,
        force: values.force === true,
        datePrecision: values['date-precision'],
      },
      { onProgress: (done, total) => io.progress?.(say(M.exportProgress, { done, count: total })) },
    );
    const seconds = (performance.now() - started) / 1000;
    io.out(
      say(M.exported, {
        count: result.procedures,
        format: result.format,
        pseudonymised: result.pseudonymized ? say(M.pseudonymised) : '',
        seconds: decimals(seconds, 1),
      }),
    );
    for (const file of result.files) io.out(`  ${file}`);
    return 0;
  } finally {
    store.close();
  }
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const values = options(args, { db: { type: 'string' }, in: { type: 'string' }, as: { type: 'string' } }, [
    'db',
    'in',
  ]);
  const store = openStore(String(values.db));
  try {
    await checkedBeforeWriting(store);
    // Who ran the import is in its audit rows: the operator proven by --as and their PIN.
    const context = await actingOperator(store, values.as, io, actor());
    const { say } = cliSpeech(store, io.language);
    const report = await importFile(store, String(values.in), context, {
      onProgress: (so, bytes, total) =>
        io.progress?.(
          say(M.importProgress, {
            count: so.read,
            percent: total > 0 ? Math.floor((bytes / total) * 100) : 100,
            added: so.added,
            skipped: so.skipped,
            rejected: so.rejected.length,
          }),
        ),
    });
    io.out(
      say(M.imported, {
        added: report.added,
        skipped: report.skipped,
        conflicts: report.conflicts.length,
        rejected: report.rejected.length,
      }),
    );
    if (report.followUpsAdded > 0) io.out(say(M.importFollowUps, { count: report.followUpsAdded }));
    // Ids and reasons come from the file: shown escaped, never acted on by the terminal.
    for (const conflict of report.conflicts)
      io.out(`  ${say(M.importConflict, { id: printable(conflict.id), reason: printable(conflict.reason) })}`);
    // A problem in the logbook's language where it has words (a field's label translated too).
    const said = (p: { field?: string; message: string; words?: Words }) =>
      p.words ? say(p.words.message, p.words.values) : p.message;
    for (const rejection of report.rejected)
      io.out(
        `  ${say(M.importRejected, {
          id: printable(rejection.id),
          problems: rejection.problems
            .map((p) => printable(p.message.includes(p.field ?? '') ? said(p) : `${said(p)} (${p.field})`))
            .join('; '),
        })}`,
      );
    return report.conflicts.length > 0 || report.rejected.length > 0 ? 1 : 0;
  } finally {
    store.close();
  }
}

function statsCommand(args: string[], io: Io): number {
  const values = options(
    args,
    { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
    ['db'],
  );
  const store = openForReading(String(values.db));
  try {
    const filter = { from: values.from, to: values.to };
    const result = dashboard(store, filter);
    const outcomes = followUpOutcomes(store, parseDashboardFilter(filter));
    if (values.json) {
      io.out(JSON.stringify({ ...result, followUpOutcomes: outcomes }, null, 2));
      return 0;
    }
    const speech = cliSpeech(store, io.language);
    for (const line of formatDashboard(result, speech)) io.out(line);
    for (const line of formatOutcomes(outcomes, speech)) io.out(line);
    return 0;
  } finally {
    store.close();
  }
}

function followUpsDueCommand(args: string[], io: Io): number {
  const values = options(args, { db: { type: 'string' }, date: { type: 'string' } }, ['db']);
  // The app's own reading of the day (a real date: 2026-02-30 is refused, not an empty list).
  const query = followUpsDueQuerySchema.safeParse({ date: values.date });
  if (!query.success) throw new UsageError(sentence(M.usageRealDate));
  const { date } = query.data;
  const store = openForReading(String(values.db));
  try {
    const due = followUpsDue(store, { date });
    const { say } = cliSpeech(store, io.language);
    if (due.length === 0) {
      io.out(say(M.noFollowUpsDue));
      return 0;
    }
    io.out(say(M.followUpsDue, { count: due.length }));
    for (const row of due) {
      io.out(
        `  ${row.overdue ? 'OVERDUE' : 'due    '}  ${row.window === 'early' ? 'day 1–3 call   ' : 'week 2–6 review'}  day ${String(row.daysAfter).padStart(3)}  procedure ${row.performedDate}  ${printable(row.patientId ?? '—')}  ${printable(row.patientName ?? '')}  ${printable(row.rootSides)}`,
      );
    }
    return 0;
  } finally {
    store.close();
  }
}

async function keyCommand(args: string[], io: Io): Promise<number> {
  const values = options(
    args,
    { db: { type: 'string' }, show: { type: 'boolean' }, set: { type: 'string' }, as: { type: 'string' } },
    ['db'],
  );
  if (Boolean(values.show) === (values.set !== undefined))
    throw new UsageError(sentence(M.usageEither, { one: '--show', other: '--set HEX' }));
  if (values.show) {
    const store = openForReading(String(values.db));
    try {
      io.out(pseudonymKey(store));
      return 0;
    } finally {
      store.close();
    }
  }
  const store = openStore(String(values.db), { mustExist: true });
  try {
    await checkedBeforeWriting(store);
    // A settings change: an administrator, proven by --as and their PIN, as in the app's Settings.
    const context = await actingOperator(store, values.as, io, actor(), { administer: true });
    restorePseudonymKey(store, String(values.set), context);
    io.out(cliSpeech(store, io.language).say(M.keyRestored));
    return 0;
  } finally {
    store.close();
  }
}

/**
 * The error line's words: the department's language of the logbook named (--db), else the one
 * asked (--language), else English, as the command's own output would have been.
 */
function errorSpeech(args: readonly string[], io: Io): CliSay {
  let asked: Language | undefined = io.language;
  try {
    asked = askedLanguage(args).asked ?? asked;
  } catch {
    // An unknown --language is itself the usage error: said in English.
  }
  const at = args.indexOf('--db');
  const db = at >= 0 ? args[at + 1] : undefined;
  const withAsked = { ...io, language: asked };
  return db ? speechOfFile(db, withAsked) : cliSpeech(null, asked).say;
}

const COMMANDS: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  sync: runSync,
  hub: runHub,
  key: keyCommand,
  seed,
  check,
  backup,
  export: exportCommand,
  import: importCommand,
  stats: statsCommand,
  'follow-ups-due': followUpsDueCommand,
  'dose-report': doseReport.run,
  worklist: runWorklist,
  'ris-send': runRisSend,
  wordings,
};

/** Every command's name (the tests that must cover each one derive from it). */
export const COMMAND_NAMES = Object.keys(COMMANDS);

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === 'help') {
    io.out(usageText(errorSpeech(args, io)));
    return 0;
  }
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    const say = errorSpeech(args, io);
    io.err(command ? say(M.unknownCommand, { command }) : say(M.noCommand));
    io.err(usageText(say));
    return 2;
  }
  try {
    const { asked, rest } = askedLanguage(args);
    return await run(rest, asked ? { ...io, language: asked } : io);
  } catch (error) {
    const say = errorSpeech(args, io);
    // Escaped as a whole: a refusal's values may be another system's words (the hub server's, PostgreSQL's).
    const line = (reason: WordValue) => io.err(printableLines(say(M.errorLine, { command: String(command), reason })));
    if (error instanceof UsageError) {
      line(error.reason);
      io.err(usageText(say));
      return 2;
    }
    if (error instanceof RootLogError) {
      // A refusal that declares its words is said in the output's language; its English otherwise.
      line(error.words ?? printable(error.message));
      return 1;
    }
    if (isBusy(error)) {
      line(printable(busyLogbook(args[args.indexOf('--db') + 1] ?? '', 'command').message));
      return 1;
    }
    throw error;
  }
}
