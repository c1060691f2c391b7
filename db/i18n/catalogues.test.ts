import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUES, compileCatalogues, readPo, TRANSLATED } from '../../build/i18n.mjs';
import { UI_MESSAGE_TABLES } from '../../renderer/app/ui-messages.js';
import { sourceMessages } from './source-messages.js';

/*
 * The build's guard on the catalogues: `lingui compile --strict` (build/i18n.mjs, run by the
 * build, the type check and the tests' setup) must fail when a language lacks a message or
 * holds one that is not valid ICU. Proven on a copy of the catalogues with one message taken out.
 */

// Inside the project, so the copy's configuration finds Lingui's packages.
const projectTmp = join(import.meta.dirname, '..', '..', '.tmp');
mkdirSync(projectTmp, { recursive: true });
const scratch = mkdtempSync(join(projectTmp, 'catalogues-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The project's catalogues copied, changed by `change`, compiled with the project's settings. */
function compileCopy(name: string, change: (po: string) => string = (po) => po) {
  const dir = join(scratch, name);
  cpSync(CATALOGUES, dir, { recursive: true, filter: (file) => !file.endsWith('.ts') });
  writeFileSync(join(dir, 'de.po'), change(readFileSync(join(dir, 'de.po'), 'utf8')));
  const config = join(dir, 'lingui.config.js');
  writeFileSync(
    config,
    `import { formatter } from '@lingui/format-po';
export default {
  locales: ['en', 'de', 'fr', 'it'],
  sourceLocale: 'en',
  catalogs: [{ path: ${JSON.stringify(join(dir, '{locale}'))}, include: [] }],
  format: formatter({ explicitIdAsDefault: true, origins: false, lineNumbers: false }),
  compileNamespace: 'ts',
};
`,
  );
  return compileCatalogues(config);
}

const ONE_ID = 'field.procedure.patientName';
/** de.po without the entry of one message (its comments, msgid and msgstr). */
const withoutOne = (po: string) =>
  po
    .split('\n\n')
    .filter((entry) => !entry.includes(`msgid "${ONE_ID}"`))
    .join('\n\n');

describe('the strict compile of the catalogues', () => {
  it('passes on the catalogues as they are', () => {
    expect(compileCopy('as-is').status).toBe(0);
  });

  it('fails when one German translation is taken out, and names it', () => {
    const result = compileCopy('one-missing', withoutOne);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(ONE_ID);
  });

  it('fails when a translation is left empty', () => {
    const result = compileCopy('one-empty', (po) =>
      po.replace(new RegExp(`(msgid "${ONE_ID.replace(/\./g, '\\.')}"\\nmsgstr )".*"`), '$1""'),
    );
    expect(result.status).not.toBe(0);
  });

  it('fails on a translation that is not a valid message (an unclosed brace)', () => {
    const result = compileCopy('broken', (po) =>
      po.replace(new RegExp(`(msgid "${ONE_ID.replace(/\./g, '\\.')}"\\nmsgstr )".*"`), '$1"Name {patient"'),
    );
    expect(result.status).not.toBe(0);
  });
});

describe('the catalogues and the declarations', () => {
  const declared = sourceMessages(UI_MESSAGE_TABLES);
  const ids = declared.map((message) => message.id).sort();

  it('en.po holds every declared message with its English words, and nothing else', () => {
    const english = readPo(readFileSync(join(CATALOGUES, 'en.po'), 'utf8'));
    expect([...english.keys()].sort()).toEqual(ids);
    for (const message of declared) expect(english.get(message.id)).toBe(message.message);
  });

  it.each(TRANSLATED)('%s.po translates every declared message and holds no message that is gone', (language) => {
    const translated = readPo(readFileSync(join(CATALOGUES, `${language}.po`), 'utf8'));
    expect([...translated.keys()].sort()).toEqual(ids);
    expect([...translated.entries()].filter(([, words]) => words.trim() === '')).toEqual([]);
  });

  it('every field label and every code is a message (the ids come from the declarations)', () => {
    expect(ids).toContain('field.procedure.patientName');
    expect(ids).toContain('field.target.root');
    expect(ids).toContain('code.transforaminal');
  });
});

describe('the German catalogue', () => {
  it('is written as in Switzerland, where most of the departments are: ss, never ß', () => {
    const german = readPo(readFileSync(join(CATALOGUES, 'de.po'), 'utf8'));
    const withSharpS = [...german].filter(([, words]) => words.includes('ß')).map(([id]) => id);
    expect(withSharpS).toEqual([]);
  });
});
