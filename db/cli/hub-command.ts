import { connectHub, type HubEndpoint } from '../hub/connect.js';
import { consoleKey, consolePublicKey, keyFileOf, keyFileVault } from '../hub/console-key.js';
import { explainFailure, HubError } from '../hub/errors.js';
import { hubRefusals } from '../hub/local-state.js';
import {
  addConsole,
  checkIdentifier,
  consoleGroupOf,
  HubAdminError,
  initHub,
  listConsoles,
  retireConsole,
} from '../hub/server-schema.js';
import { CLI_MESSAGES as M, RootLogError, sentence } from '../model/index.js';
import { getSettings } from '../settings.js';
import { openStore } from '../store.js';
import { actingOperator } from './acting-operator.js';
import { type CliSay, cliSpeech } from './cli-speech.js';
import { actor, type Io, options } from './command-kit.js';
import { serverPassword } from './password.js';
import { printable } from './printable.js';
import { endpointFromArgs, SERVER_OPTIONS } from './sync-command.js';
import type { Usage } from './usage.js';
import { UsageError } from './usage-error.js';

/*
 * rootlog hub: the department hub's administration, for IT. The server commands connect as an
 * administrator (a role that may create roles and owns the database); consoles never run them.
 * See docs/hub.md for the roles and rights they set.
 */

export const HUB_USAGE: readonly Usage[] = [
  {
    syntax: [
      '  hub init --server postgres://ADMIN@HOST:PORT/DATABASE [--schema NAME] [--ca FILE] [--allow-plain HOST]',
    ],
    does: M.helpHubInit,
  },
  {
    syntax: ['  hub add-console --server postgres://ADMIN@… --db LOGBOOK --role ROLE [--schema NAME] [--new-key]'],
    does: M.helpHubAddConsole,
  },
  {
    syntax: ['  hub retire-console --server postgres://ADMIN@… --console NAME [--schema NAME]'],
    does: M.helpHubRetireConsole,
  },
  { syntax: ['  hub consoles --server postgres://USER@… [--schema NAME]'], does: M.helpHubConsoles },
  { syntax: ['  hub key --db LOGBOOK [--new] [--as OPERATOR]'], does: M.helpHubKey },
  { syntax: ['  hub refusals --db LOGBOOK'], does: M.helpHubRefusals },
];

const DEFAULT_SCHEMA = 'rootlog';

type Values = Record<string, string | boolean | undefined>;

function schemaOf(values: Values): string {
  const schema = typeof values.schema === 'string' ? values.schema : DEFAULT_SCHEMA;
  try {
    return checkIdentifier('--schema', schema);
  } catch (error) {
    throw new UsageError(error instanceof HubAdminError ? error.words : String(error));
  }
}

async function withServer<T>(
  values: Values,
  io: Io,
  work: (client: Awaited<ReturnType<typeof connectHub>>) => Promise<T>,
) {
  const server = endpointFromArgs(values, undefined);
  const endpoint: HubEndpoint = { ...server, password: await serverPassword(io, server.user) };
  const label = `${endpoint.host}:${endpoint.port}/${endpoint.database}`;
  let client: Awaited<ReturnType<typeof connectHub>> | undefined;
  try {
    client = await connectHub(endpoint);
    return await work(client);
  } catch (error) {
    // Said in the language: the hub administration's and the hub client's own words (declared).
    if (error instanceof HubAdminError) throw new RootLogError('validation', error.words);
    throw new RootLogError('database_unavailable', explainFailure(error, label).words);
  } finally {
    await client?.end().catch(() => undefined);
  }
}

async function init(args: string[], io: Io): Promise<number> {
  const values = options(args, { ...SERVER_OPTIONS, schema: { type: 'string' } }, ['server']);
  const schema = schemaOf(values);
  const report = await withServer(values, io, (client) => initHub(client, schema));
  // No logbook is opened: the language asked (--language), else English.
  const { say } = cliSpeech(null, io.language);
  io.out(
    report.from === report.to
      ? say(M.hubAtVersion, { schema, version: String(report.to) })
      : say(M.hubMigrated, { schema, from: String(report.from), to: String(report.to) }),
  );
  io.out(say(M.hubIdentity, { hubId: report.hubId, group: report.consoleGroup }));
  if (report.renumbered > 0) io.out(say(M.hubRenumbered, { count: report.renumbered }));
  return 0;
}

async function addConsoleCommand(args: string[], io: Io): Promise<number> {
  const values = options(
    args,
    {
      ...SERVER_OPTIONS,
      db: { type: 'string' },
      role: { type: 'string' },
      schema: { type: 'string' },
      'new-key': { type: 'boolean' },
    },
    ['server', 'db', 'role'],
  );
  const schema = schemaOf(values);
  const role = String(values.role);
  try {
    checkIdentifier('--role', role);
  } catch (error) {
    throw new UsageError(error instanceof HubAdminError ? error.words : String(error));
  }
  const store = openStore(String(values.db), { readonly: true });
  let name: string;
  let key: ReturnType<typeof consolePublicKey>;
  let say: CliSay;
  try {
    name = getSettings(store).consoleName;
    key = consolePublicKey(store);
    // The department's language of the console's logbook, else the one asked.
    say = cliSpeech(store, io.language).say;
  } finally {
    store.close();
  }
  if (!key) throw new RootLogError('validation', sentence(M.hubNoConsoleKey, { path: String(values.db) }));
  const outcome = await withServer(values, io, (client) =>
    addConsole(client, {
      schema,
      name,
      role,
      publicKey: key.publicKeyText,
      fingerprint: key.fingerprint,
      newKey: values['new-key'] === true,
    }),
  );
  const registered = { name: printable(name), role, group: consoleGroupOf(schema), fingerprint: key.fingerprint };
  io.out(
    outcome === 'unchanged'
      ? say(M.hubAlreadyRegistered, { name: printable(name), role })
      : say(outcome === 'new key' ? M.hubNewKeyRegistered : M.hubRegistered, registered),
  );
  if (outcome === 'added') io.out(say(M.hubGiveRolePassword, { role }));
  return 0;
}

async function retire(args: string[], io: Io): Promise<number> {
  const values = options(args, { ...SERVER_OPTIONS, console: { type: 'string' }, schema: { type: 'string' } }, [
    'server',
    'console',
  ]);
  const schema = schemaOf(values);
  const name = String(values.console);
  const { role } = await withServer(values, io, (client) => retireConsole(client, schema, name));
  io.out(cliSpeech(null, io.language).say(M.hubRetired, { name: printable(name), role }));
  return 0;
}

async function consoles(args: string[], io: Io): Promise<number> {
  const values = options(args, { ...SERVER_OPTIONS, schema: { type: 'string' } }, ['server']);
  const schema = schemaOf(values);
  const listed = await withServer(values, io, (client) => listConsoles(client, schema));
  const { say } = cliSpeech(null, io.language);
  if (listed.length === 0) io.out(say(M.hubNoConsoles));
  for (const entry of listed)
    io.out(
      `  ${printable(entry.name).padEnd(24)} ${say(M.hubConsoleRole, { role: entry.role.padEnd(20) })} ${say(M.hubConsoleKey, { fingerprint: entry.fingerprint })}${entry.retiredAt ? `  ${say(M.hubConsoleRetired, { at: entry.retiredAt })}` : ''}`,
    );
  return 0;
}

async function key(args: string[], io: Io): Promise<number> {
  const values = options(args, { db: { type: 'string' }, new: { type: 'boolean' }, as: { type: 'string' } }, ['db']);
  const db = String(values.db);
  const store = openStore(db, { mustExist: true });
  try {
    const vault = keyFileVault(keyFileOf(db));
    const replace = values.new === true;
    // Making or replacing the console's key is a settings change, by an administrator proven by
    // --as and their PIN; showing the key that is there only reads.
    const context =
      replace || !consolePublicKey(store)
        ? await actingOperator(store, values.as, io, actor(), { administer: true })
        : { actor: actor() };
    const made = consoleKey(store, vault, context, { replace });
    const { say } = cliSpeech(store, io.language);
    io.out(say(M.hubKeyOf, { name: printable(getSettings(store).consoleName), fingerprint: made.fingerprint }));
    io.out(say(M.hubKeyKept, { place: vault.keptIn }));
    return 0;
  } catch (error) {
    if (error instanceof HubError) throw new RootLogError('validation', error.words);
    throw error;
  } finally {
    store.close();
  }
}

function refusals(args: string[], io: Io): number {
  const values = options(args, { db: { type: 'string' } }, ['db']);
  const store = openStore(String(values.db), { readonly: true });
  try {
    const rows = hubRefusals(store, 1000);
    const { say } = cliSpeech(store, io.language);
    if (rows.length === 0) io.out(say(M.hubNothingRefused));
    // What the hub's rows say is theirs (English or another console's): shown escaped.
    for (const row of rows)
      io.out(
        `  ${row.at}  ${say(row.waiting ? M.hubRowWaiting : M.hubRowRefused)}  ${printable(say(row.subject.message, row.subject.values))}${row.console ? say(M.hubRowFrom, { console: printable(row.console) }) : ''}: ${printable(say(row.reason.message, row.reason.values))}`,
      );
    return 0;
  } finally {
    store.close();
  }
}

const SUBCOMMANDS: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  init,
  'add-console': addConsoleCommand,
  'retire-console': retire,
  consoles,
  key,
  refusals,
};

export async function runHub(args: string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  const run = name ? SUBCOMMANDS[name] : undefined;
  if (!run)
    throw new UsageError(
      name
        ? sentence(M.usageUnknownHubCommand, { name, commands: Object.keys(SUBCOMMANDS).join(', ') })
        : sentence(M.usageWhichHubCommand, { commands: Object.keys(SUBCOMMANDS).join(', ') }),
    );
  return run(rest, io);
}
