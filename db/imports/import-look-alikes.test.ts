import { beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.js';
import { lookAlikeKey } from '../model/index.js';
import { listOperators, saveOperator, updateSettings } from '../settings.js';
import { context, tempStore } from '../testing/fixtures.js';
import { type ExportJson, importEdited, seededExport, unlinked } from '../testing/import-files.js';

/*
 * Look-alikes and control characters from an import file (issue 23, item 9): every text of a
 * record follows the one text rule, a second operator may not take an existing operator's
 * name (nor one that looks the same), and a record may not claim to have been made here.
 */

type Json = ExportJson;
let file: Json;

beforeAll(async () => {
  file = await seededExport({ count: 12, seed: 31 });
});

const said = (report: Json, id: string) =>
  report.rejected
    .filter((rejected: Json) => rejected.id === id)
    .flatMap((rejected: Json) => rejected.problems.map((found: Json) => `${found.field} ${found.message}`))
    .join('; ');

/** Every path to a text in a value. */
function textPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, at) => textPaths(item, [...path, at]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => textPaths(item, [...path, key]));
  return [];
}

const setAt = (value: Json, path: (string | number)[], text: string) => {
  let here = value;
  for (const step of path.slice(0, -1)) here = here[step];
  here[path[path.length - 1] as string] = text;
};

describe('control characters anywhere in a record', () => {
  it('are refused in every text of its content, its versions and its history (a drug’s name as signed included)', async () => {
    const record = file.procedures.find(
      (candidate: Json) => candidate.life.status === 'signed' && candidate.content.drugs.length > 0,
    );
    const paths = textPaths({ content: record.content, history: record.history }).filter(
      (path) => !/^(hash|previousHash|at)$/.test(String(path[path.length - 1])),
    );
    expect(paths.some((path) => path.join('.').includes('asSigned.name'))).toBe(true);
    const spoiled = paths.map((path) => {
      const copy = structuredClone(record);
      copy.versions = copy.versions.map(unlinked);
      copy.history = copy.history.map(unlinked);
      setAt(copy, path, `x\u009b31my\u001b[0m`);
      // The content and its signed version alike, so only the text rule can tell.
      if (path[0] === 'content') setAt(copy.versions[0], path, `x\u009b31my\u001b[0m`);
      return { path: path.join('.'), copy };
    });
    const { store } = tempStore();
    // The record unspoiled, as these copies carry it (no hash links), arrives.
    const plain = structuredClone(record);
    plain.versions = plain.versions.map(unlinked);
    plain.history = plain.history.map(unlinked);
    const control = tempStore().store;
    expect((await importEdited(control, { ...file, procedures: [plain] })).added).toBe(1);
    control.close();
    for (const { path, copy } of spoiled) {
      const report = await importEdited(store, { ...file, procedures: [copy] });
      expect(report.added, `${path} with a C1 control and ESC`).toBe(0);
    }
    expect(listOperators(store).length).toBeGreaterThan(0);
    store.close();
  });

  it('a drug’s name as signed with a C1 control is refused naming the rule', async () => {
    const data = structuredClone(file);
    const record = data.procedures.find(
      (candidate: Json) => candidate.life.status === 'signed' && candidate.content.drugs.length > 0,
    );
    for (const content of [record.content, record.versions[0].content])
      content.drugs[0].asSigned.name = 'Lido\u009bcaine';
    record.versions[0] = unlinked(record.versions[0]);
    const { store } = tempStore();
    const report = await importEdited(store, data);
    expect(said(report, record.id)).toMatch(/drugs\[0\]\.asSigned\.name .*control characters/);
    expect(report.added).toBe(data.procedures.length - 1);
    store.close();
  });
});

describe('a second operator with an existing operator’s name', () => {
  // Every store of these tests has its own Dr. A. Keller: the exporting one's comes along too.
  for (const [what, name] of [
    ['the same name', 'Dr. A. Keller'],
    ['another case', 'DR. A. KELLER'],
    ['a no-break space', 'Dr.\u00a0A. Keller'],
    ['fullwidth letters', 'Ｄｒ. A. Keller'],
    ['a Cyrillic e', 'Dr. A. K\u0435ller'],
  ] as const)
    it(`from an import file (${what}) is added under a name that tells the two apart`, async () => {
      const data = structuredClone(file);
      data.operators.push({ id: 'op-impostor', name, active: true, role: 'radiologist' });
      const { store, operatorId } = tempStore();
      const report = await importEdited(store, data);
      expect(report.rejected).toEqual([]);
      const here = listOperators(store);
      expect(here.find((operator) => operator.id === operatorId)?.name).toBe('Dr. A. Keller');
      expect(here.find((operator) => operator.id === 'op-impostor')?.name).toBe(
        `${name} (operator op-impos of another logbook)`,
      );
      const keys = here.map((operator) => lookAlikeKey(operator.name));
      expect(new Set(keys).size).toBe(keys.length);
      store.close();
    });

  it('is refused in Settings, naming the field; the same operator may change the case of their own name', () => {
    const { store, operatorId } = tempStore();
    expect(() => saveOperator(store, { name: 'dr. a. kеller' }, context)).toThrow(/Name .*another operator/);
    expect(saveOperator(store, { id: operatorId, name: 'Dr. A. KELLER' }, context).name).toBe('Dr. A. KELLER');
    const other = saveOperator(store, { name: 'Dr. B. Weber' }, context);
    expect(() => saveOperator(store, { id: other.id, name: 'Dr. A. Keller' }, context)).toThrow(/another operator/);
    store.close();
  });
});

describe('a record claiming a look-alike of the importing console’s name', () => {
  for (const [what, name] of [
    ['its name in another case', 'ct-b'],
    ['its name with another dash', 'CT\u2010B'],
  ] as const)
    it(`is rejected (${what}), naming the field`, async () => {
      const data = structuredClone(file);
      const record = data.procedures[0];
      record.life.consoleName = name;
      const { store } = tempStore();
      updateSettings(store, { consoleName: 'CT-B' }, context);
      const report = await importEdited(store, data);
      expect(said(report, record.id)).toMatch(/life\.consoleName .*looks like “CT-B”, this console’s own name/);
      expect(report.added).toBe(data.procedures.length - 1);
      expect(verifyLedger(store.reader.db).ok).toBe(true);
      store.close();
    });

  it('a look-alike of another console’s name already in the logbook is rejected too', async () => {
    const data = structuredClone(file);
    data.procedures[0].life.consoleName = 'CT-A';
    const { store } = tempStore();
    updateSettings(store, { consoleName: 'CT-B' }, context);
    const first = await importEdited(store, { ...data, procedures: data.procedures.slice(0, 1) });
    expect(first.added).toBe(1);
    const record = data.procedures[1];
    record.life.consoleName = 'СТ-А'; // Cyrillic С, Т and А
    const report = await importEdited(store, data);
    expect(said(report, record.id)).toMatch(/life\.consoleName .*looks like.*CT-A/);
    store.close();
  });
});
