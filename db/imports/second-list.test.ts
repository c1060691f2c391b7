import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import { type RootLogError, say } from '../model/index.js';
import { context, tempPath, tempStore } from '../testing/fixtures.js';
import { importFile } from './merge.js';

/* A file with two "procedures" members (JSON allows it; a RootLog export never has it) is said to be that. */
it('refuses a second "procedures" member, saying what it is, and adds nothing', async () => {
  const { store } = tempStore();
  const header =
    '"format":"rootlog-export","formatVersion":1,"schemaVersion":1,"pseudonymized":false,"operators":[],"drugCatalogue":[]';
  for (const second of ['[]', '{}', '5']) {
    const path = tempPath('joined.json');
    writeFileSync(path, `{${header},"procedures":[],"procedures":${second}}`);
    await expect(importFile(store, path, context), second).rejects.toMatchObject({
      message: `${path} is not a RootLog export: it has a second "procedures" member after the list of records (an export has one list; this file was put together or changed by something else). Nothing was added.`,
    });
  }
  const path = tempPath('not-a-list.json');
  writeFileSync(path, `{${header},"procedures":{}}`);
  await expect(importFile(store, path, context)).rejects.toMatchObject({
    message: `${path} is not a RootLog export: "procedures" is not a list. Nothing was added.`,
  });
  store.close();
});

it('says why a file is not an export, and what a too large value holds, in the department’s language', async () => {
  const { store } = tempStore();
  const header =
    '"format":"rootlog-export","formatVersion":1,"schemaVersion":1,"pseudonymized":false,"operators":[],"drugCatalogue":[]';
  const inGerman = (error: unknown) => {
    const { words } = error as RootLogError;
    return words ? say(words, translator('de'), 'de', 'de-CH') : '';
  };
  const path = tempPath('not-a-list.json');
  writeFileSync(path, `{${header},"procedures":{}}`);
  const notAList = await importFile(store, path, context).catch((error: unknown) => error);
  expect(inGerman(notAList)).toBe(
    `${path} ist kein RootLog-Export: "procedures" ist keine Liste. Es wurde nichts hinzugefügt.`,
  );
  const deep = tempPath('deep-header.json');
  writeFileSync(deep, `{${header},"extra":${'['.repeat(40)}${']'.repeat(40)},"procedures":[]}`);
  const tooDeep = await importFile(store, deep, context).catch((error: unknown) => error);
  expect(inGerman(tooDeep)).toMatch(/ist kein RootLog-Export: ihr "extra" ist tiefer als \d+ Ebenen verschachtelt\./);
  store.close();
});
