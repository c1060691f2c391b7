import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as model from '../model/index.js';
import { messages as de } from './catalogues/de.js';
import { messages as fr } from './catalogues/fr.js';
import { messages as it_ } from './catalogues/it.js';

/*
 * Every refusal the services and the main process throw is a declared message with values
 * (RootLogError's words), so the window can say it in the reader's language. The list is read
 * from the sources themselves: each `new RootLogError(…)` and each `problem(field, …)`, its
 * message resolved through the file's own imports to the model's table, and its id looked up
 * in the compiled catalogues. A refusal written as an English string fails here.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

const sources = (folder: string): string[] =>
  readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'catalogues' || entry.name === 'testing' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
const FILES = [...sources('db'), ...sources('electron')];

/**
 * Where `RootLogError.untranslated` (English as it is) may stay: the opening of a logbook file,
 * said before any logbook — hence any department's language — is known. The command line says
 * its refusals in the department's language too (docs/languages.md "The command line").
 */
const BEFORE_ANY_LOGBOOK = 'db/sqlite/open.ts';

/** The text of each call `opening(` … `)` in a source (not `pinProblem(` for `problem(`), its parentheses matched. */
function calls(source: string, opening: string): string[] {
  const found: string[] = [];
  for (let at = source.indexOf(opening); at !== -1; at = source.indexOf(opening, at + 1)) {
    if (/[\w.]/.test(source[at - 1] ?? '')) continue;
    let depth = 0;
    let end = at + opening.length - 1;
    for (; end < source.length; end++) {
      const char = source[end];
      if (char === '(') depth++;
      else if (char === ')' && --depth === 0) break;
    }
    found.push(source.slice(at + opening.length, end));
  }
  return found;
}

/** The arguments of a call's text, split at its top-level commas. */
function argumentsOf(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at] as string;
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = null;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, at).trim());
      start = at + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** The model's table a name of this file stands for: `REFUSAL_MESSAGES as R`, `const R = REFUSAL_MESSAGES`. */
function tableNamed(source: string, name: string): Record<string, model.Message> | undefined {
  const aliased =
    new RegExp(`\\b(\\w+_MESSAGES) as ${name}\\b`).exec(source)?.[1] ??
    new RegExp(`\\bconst ${name} = (\\w+_MESSAGES)\\b`).exec(source)?.[1] ??
    name;
  return (model as unknown as Record<string, Record<string, model.Message> | undefined>)[aliased];
}

/** Every message a refusal's words name (`sentence(R.key`, `problem(field, R.key`), each with where it is. */
function namedMessages(): { where: string; message: model.Message | undefined; named: string }[] {
  return FILES.flatMap((file) => {
    const source = readFileSync(join(root, file), 'utf8');
    const refusals = [
      ...calls(source, 'new RootLogError(').map((text) => argumentsOf(text)[1] ?? ''),
      ...calls(source, 'problem(').map((text) => argumentsOf(text)[1] ?? ''),
      ...calls(source, 'new HubError(').map((text) => argumentsOf(text)[1] ?? ''),
      ...calls(source, 'new HubAdminError(').map((text) => argumentsOf(text)[0] ?? ''),
      // The sync's report: each row's words, and every sentence the hub client says.
      ...calls(source, 'reported(').map((text) => argumentsOf(text)[1] ?? ''),
      ...(file.startsWith('db/hub/') ? calls(source, 'sentence(').map((text) => argumentsOf(text)[0] ?? '') : []),
    ];
    return refusals.flatMap((said) =>
      [...said.matchAll(/(?:^|sentence\()\s*([A-Z]\w*)\.(\w+)\b/g)].map(([, table = '', key = '']) => ({
        where: relative(root, join(root, file)),
        named: `${table}.${key}`,
        message: tableNamed(source, table)?.[key],
      })),
    );
  });
}

describe('every refusal is a message of the catalogues', () => {
  it('no service nor the main process throws a RootLogError with English words', () => {
    const english = FILES.flatMap((file) =>
      calls(readFileSync(join(root, file), 'utf8'), 'new RootLogError(')
        .map((text) => argumentsOf(text)[1] ?? '')
        .filter((said) => /^['"`]/.test(said))
        .map((said) => `${file}: ${said.slice(0, 80)}`),
    );
    expect(english).toEqual([]);
  });

  it('the hub client and its administration say why in declared words, never an English sentence', () => {
    const english = FILES.flatMap((file) => {
      const source = readFileSync(join(root, file), 'utf8');
      return [
        ...calls(source, 'new HubError(').map((text) => argumentsOf(text)[1] ?? ''),
        ...calls(source, 'new HubAdminError(').map((text) => argumentsOf(text)[0] ?? ''),
      ]
        .filter((said) => /^['"`]|\?\s*['"`]|:\s*['"`]/.test(said))
        .map((said) => `${file}: ${said.slice(0, 80)}`);
    });
    expect(english).toEqual([]);
  });

  it('the hub’s refusals of another console’s rows, and what they wait for, are declared words', () => {
    // refused(HR.x, …), waiting(HR.x, …), openRow's refuse(HR.x, …): never an English sentence,
    // nor an outcome or a verdict written by hand with one.
    const english = FILES.filter((file) => file.startsWith('db/hub/')).flatMap((file) => {
      const source = readFileSync(join(root, file), 'utf8');
      return [
        ...['refused(', 'waiting(', 'refuse('].flatMap((opening) =>
          calls(source, opening)
            .map((text) => argumentsOf(text)[0] ?? '')
            .filter((said) => /^['"`]|\?\s*['"`]|:\s*['"`]/.test(said)),
        ),
        ...[...source.matchAll(/(?:kind:\s*'(?:refused|waiting)'|ok:\s*false),\s*reason:\s*['"`][^\n]*/g)].map(
          ([found]) => found,
        ),
      ].map((said) => `${file}: ${said.slice(0, 80)}`);
    });
    expect(english).toEqual([]);
  });

  it('the sync’s report says why in declared words, for this console’s own rows (push.ts) too', () => {
    // Each row of the report is reported(id, words), its English made from them; a record not
    // pushed, or a conflict, is never given an English reason by hand (what PostgreSQL says is
    // a value inside declared words: hubPush.hubRefused).
    const english = FILES.filter((file) => file.startsWith('db/hub/')).flatMap((file) => {
      const source = readFileSync(join(root, file), 'utf8');
      return [
        ...source.matchAll(/\breport\.(?:refused|conflicts)\.push\((?!\s*reported\()[^\n]*/g),
        ...source.matchAll(/kind:\s*'(?:refused|conflict)',\s*reason:\s*['"`][^\n]*/g),
        ...source.matchAll(/\b(?:refusedRecords|lost)\.set\([^,]+,\s*['"`][^\n]*/g),
      ].map(([found]) => `${file}: ${found.replace(/\s+/g, ' ').slice(0, 80)}`);
    });
    expect(english).toEqual([]);
  });

  it('no field problem of the model, a service, the import or the main process is an English rule', () => {
    const english = FILES.flatMap((file) =>
      calls(readFileSync(join(root, file), 'utf8'), 'problem(')
        .map((text) => argumentsOf(text)[1] ?? '')
        .filter((rule) => /^['"`]/.test(rule))
        .map((rule) => `${file}: ${rule.slice(0, 80)}`),
    );
    expect(english).toEqual([]);
  });

  it('no field problem is written as an English message beside its field', () => {
    // `{ field, message: 'English' }` (or a template, or a choice between them): a problem
    // without words. A problem is made by problem(), or carries its words (saidOf).
    const written = /\bfield\b[^;{}]*?\bmessage:\s*(?:['"`]|[^,}]*\?\s*['"`])/g;
    const english = FILES.flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(written)].map(
        ([found]) => `${file}: ${found.replace(/\s+/g, ' ').slice(0, 80)}`,
      ),
    );
    expect(english).toEqual([]);
  });

  it('English as it is only where no language is known yet (the command line speaks the department’s too)', () => {
    const untranslated = FILES.filter(
      (file) =>
        readFileSync(join(root, file), 'utf8').includes('RootLogError.untranslated(') &&
        file !== BEFORE_ANY_LOGBOOK &&
        file !== 'db/model/errors.ts',
    );
    expect(untranslated).toEqual([]);
  });

  it('each message a refusal names is declared and translated in de, fr and it', () => {
    const named = namedMessages();
    expect(named.length).toBeGreaterThan(60);
    const unknown = named.filter(({ message }) => !message).map(({ where, named }) => `${where}: ${named}`);
    expect(unknown).toEqual([]);
    for (const catalogue of [de, fr, it_]) {
      const missing = named
        .filter(({ message }) => message && !(message.id in catalogue))
        .map(({ where, message }) => `${where}: ${message?.id}`);
      expect(missing).toEqual([]);
    }
  });
});
