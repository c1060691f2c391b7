// The catalogues: `node build/i18n.mjs [--sync]`.
//   1. writes db/i18n/catalogues/en.po from the declarations (db/i18n/source-messages.ts):
//      every field's label, every code's words, every sentence declared in code, with the
//      translator's comments. Never edited by hand.
//   2. --sync: brings de/fr/it.po into the same order with the same comments and the English
//      beside each message, keeping every translation, adding new messages untranslated ("")
//      and dropping messages no longer declared. Translators then fill in the empty ones.
//   3. `lingui compile --strict`: each catalogue into db/i18n/catalogues/<language>.ts; fails on
//      a message a language lacks or leaves empty, and on a translation that is not valid ICU.
// build.mjs, typecheck.mjs and the tests' global setup run 1 and 3.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeBundle } from './build-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CATALOGUES = join(root, 'db', 'i18n', 'catalogues');
export const TRANSLATED = ['de', 'fr', 'it'];

const poEscape = (text) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
const poUnescape = (text) => text.replace(/\\(["\\nt])/g, (_, c) => ({ n: '\n', t: '\t', '"': '"', '\\': '\\' })[c]);
const quoted = (text) => {
  if (!text.includes('\n')) return `"${poEscape(text)}"`;
  const lines = text.split(/(?<=\n)/);
  return `""\n${lines.map((line) => `"${poEscape(line)}"`).join('\n')}`;
};
const comment = (text) =>
  text
    .split('\n')
    .map((line) => `#. ${line}`.trimEnd())
    .join('\n');

/** The messages and their translations of a PO file: id → msgstr (our own PO files: one msgid, one msgstr each). */
export function readPo(text) {
  const entries = new Map();
  let id = null;
  let field = null;
  const value = { msgid: '', msgstr: '' };
  const flush = () => {
    if (id !== null && value.msgid !== '') entries.set(value.msgid, value.msgstr);
    value.msgid = '';
    value.msgstr = '';
    id = null;
  };
  for (const line of text.split('\n')) {
    const start = /^(msgid|msgstr) "(.*)"$/.exec(line);
    if (start) {
      if (start[1] === 'msgid') flush();
      field = start[1];
      id = '';
      value[field] = poUnescape(start[2]);
    } else if (/^"(.*)"$/.test(line) && field) {
      value[field] += poUnescape(line.slice(1, -1));
    } else if (line.trim() === '') {
      field = null;
    }
  }
  flush();
  return entries;
}

function writePo(language, messages, translations) {
  const header = [
    `# RootLog — ${language === 'en' ? 'the English words, written from the declarations by build/i18n.mjs: do not edit' : `translations into ${language}; each message shows its English above it. Correct a wording here (or in a department's wordings file, docs/languages.md).`}`,
    'msgid ""',
    'msgstr ""',
    '"Content-Type: text/plain; charset=utf-8\\n"',
    `"Language: ${language}\\n"`,
  ].join('\n');
  const body = messages.map((message) =>
    [
      message.comment ? comment(message.comment) : null,
      language === 'en' ? null : comment(`en: ${message.message}`),
      `msgid ${quoted(message.id)}`,
      `msgstr ${quoted(translations(message))}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  writeFileSync(join(CATALOGUES, `${language}.po`), `${[header, ...body].join('\n\n')}\n`);
}

/** Every message with its English, read from the declarations (bundled and loaded, so no TypeScript loader is needed). */
export async function sourceMessages() {
  const outfile = join(root, 'dist', 'i18n', 'source-messages.cjs');
  await build({
    ...nodeBundle(root),
    stdin: {
      contents: `import { sourceMessages } from './db/i18n/source-messages.ts';
import { UI_MESSAGE_TABLES } from './renderer/app/ui-messages.ts';
export const all = () => sourceMessages(UI_MESSAGE_TABLES);`,
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'all-messages.ts',
    },
    outfile,
    sourcemap: false,
  });
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  return require(outfile).all();
}

export function writeCatalogues(messages, { sync = false } = {}) {
  mkdirSync(CATALOGUES, { recursive: true });
  writePo('en', messages, (message) => message.message);
  if (!sync) return;
  for (const language of TRANSLATED) {
    const file = join(CATALOGUES, `${language}.po`);
    const known = existsSync(file) ? readPo(readFileSync(file, 'utf8')) : new Map();
    writePo(language, messages, (message) => known.get(message.id) ?? '');
  }
}

/** `lingui compile --strict` with a configuration (the project's, or a test's); its exit status and what it said. */
export function compileCatalogues(config = join(root, 'lingui.config.js')) {
  const lingui = join(root, 'node_modules', '@lingui', 'cli', 'dist', 'lingui.js');
  const run = spawnSync(
    process.execPath,
    [lingui, 'compile', '--strict', '--verbose', '--workers', '1', '--config', config],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** What the build runs: the English catalogue from the declarations, then the strict compile (throws when it fails). */
export async function prepareCatalogues({ sync = false } = {}) {
  writeCatalogues(await sourceMessages(), { sync });
  const compiled = compileCatalogues();
  if (compiled.status !== 0) {
    throw new Error(`The catalogues do not compile (lingui compile --strict):\n${compiled.output}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await prepareCatalogues({ sync: process.argv.includes('--sync') });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
