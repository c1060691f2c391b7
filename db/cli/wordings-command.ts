import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CLI_MESSAGES as M, sentence } from '../model/index.js';
import { getSettings, updateSettings } from '../settings.js';
import { openStore } from '../store.js';
import { cliSpeech } from './cli-speech.js';
import { actor, type Io } from './command-kit.js';
import { printable } from './printable.js';
import type { Usage } from './usage.js';
import { UsageError } from './usage-error.js';

/*
 * rootlog wordings: a department's corrections of the catalogue's wordings, without a new
 * release. The file is JSON, language → message id → words (the ids and the English are in
 * db/i18n/catalogues/*.po); --set replaces the logbook's corrections with the file's (an empty
 * {} removes them), checked (a known message, valid braces, the same {values}) and audited as
 * a settings change; --show prints what the logbook holds, as a file --set takes back.
 */

export const WORDINGS_USAGE: Usage = {
  syntax: ['  wordings --db FILE (--show | --set WORDINGS.json)'],
  does: M.helpWordings,
};

export function run(args: string[], io: Io): number {
  let values: { db?: string; show?: boolean; set?: string };
  try {
    values = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { db: { type: 'string' }, show: { type: 'boolean' }, set: { type: 'string' } },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.db === undefined) throw new UsageError(sentence(M.usageRequired, { option: '--db' }));
  if ((values.set === undefined) === (values.show !== true))
    throw new UsageError(sentence(M.usageEither, { one: '--show', other: '--set FILE' }));
  const store = openStore(values.db, { mustExist: true });
  try {
    if (values.show) {
      io.out(JSON.stringify(getSettings(store.reader).wordings, null, 2));
      return 0;
    }
    let wordings: unknown;
    try {
      wordings = JSON.parse(readFileSync(values.set ?? '', 'utf8'));
    } catch (error) {
      io.err(
        `rootlog wordings: ${printable(values.set ?? '')} is not a JSON file of wordings (${error instanceof SyntaxError ? 'its JSON is not valid' : 'it cannot be read'})`,
      );
      return 1;
    }
    const saved = updateSettings(store, { wordings }, { actor: actor() });
    const count = Object.values(saved.wordings).reduce((sum, table) => sum + Object.keys(table ?? {}).length, 0);
    io.out(cliSpeech(store, io.language).say(M.wordingsSaved, { count }));
    return 0;
  } finally {
    store.close();
  }
}
