import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExport } from './exports/run.js';
import { applyCatalogue } from './hub/apply.js';
import { ENTRY_FORMAT } from './hub/entries.js';
import { applyContext } from './hub/pull.js';
import { importFile } from './imports/merge.js';
import { DEFAULT_DRUG_CATALOGUE, inEnglish, lookAlikeKey } from './model/index.js';
import { saveDraft } from './procedures.js';
import { drugCatalogue, getSettings, saveDrug, updateSettings } from './settings.js';
import { completeDraft, context, tempPath, tempStore } from './testing/fixtures.js';

/*
 * Look-alike names beyond operators (issue 23, items 9 and 10's rest): a console's name in
 * Settings, a drug's name wherever a drug enters the catalogue (Settings, the import, the
 * hub: one writer, db/sqlite/drug-rows.ts), and the look-alike key's letters beyond Cyrillic
 * and Greek.
 */

const triamcinolone = DEFAULT_DRUG_CATALOGUE.find((drug) => drug.code === 'triamcinolone');
if (!triamcinolone) throw new Error('the default catalogue has triamcinolone');
/** A new drug whose name is triamcinolone's with a Cyrillic "о" (U+043E). */
const impostor = { ...triamcinolone, code: 'triamcinolone_2', name: 'Triamcin\u043elone acetonide' };

describe('the console’s name in Settings', () => {
  it('is refused when it looks like, without being, a console name known here, naming that console', () => {
    const { store, operatorId } = tempStore();
    updateSettings(store, { consoleName: 'CT-B' }, context);
    saveDraft(store, completeDraft(operatorId), context);
    updateSettings(store, { consoleName: 'CT-A' }, context);
    for (const name of ['ct-b', 'CT\u2010B', '\u0421\u0422-\u0412', 'ＣＴ-Ｂ'])
      expect(() => updateSettings(store, { consoleName: name }, context), name).toThrow(
        /Console name looks like “CT-B”, the name of a console known to this logbook/,
      );
    expect(getSettings(store).consoleName).toBe('CT-A');
    // Its very own former name is taken back (a restored logbook), and any other name.
    expect(updateSettings(store, { consoleName: 'CT-B' }, context).consoleName).toBe('CT-B');
    expect(updateSettings(store, { consoleName: 'CT-C' }, context).consoleName).toBe('CT-C');
    store.close();
  });

  it('is refused when it looks like a console this logbook received records from through the hub', () => {
    const { store, operatorId } = tempStore();
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    // What the hub's apply writes of a version received from another console (sqlite/hub-local.ts).
    store.writer.db
      .prepare(
        "INSERT INTO hub_received_versions (record_id, hub_version, local_version, console, received_at) VALUES (?, 1, 1, 'MR-Nord', '2026-03-01T10:00:00Z')",
      )
      .run(record.id);
    expect(() => updateSettings(store, { consoleName: 'mr-nord' }, context)).toThrow(/looks like “MR-Nord”/);
    store.close();
  });

  it('is refused when it is the very name of a hub peer that no record here carries', () => {
    const { store, operatorId } = tempStore();
    updateSettings(store, { consoleName: 'CT-B' }, context);
    const { record } = saveDraft(store, completeDraft(operatorId), context);
    store.writer.db
      .prepare(
        "INSERT INTO hub_received_versions (record_id, hub_version, local_version, console, received_at) VALUES (?, 1, 1, 'CT-A', '2026-03-01T10:00:00Z')",
      )
      .run(record.id);
    expect(() => updateSettings(store, { consoleName: 'CT-A' }, context)).toThrow(
      /Console name is the name of “CT-A”, another console this logbook received records from through the hub/,
    );
    expect(getSettings(store).consoleName).toBe('CT-B');
    store.close();
  });
});

describe('a drug whose name looks like another drug’s', () => {
  it('is refused in Settings, naming the field and the other drug; the drug itself may be renamed', () => {
    const { store } = tempStore();
    expect(() => saveDrug(store, impostor, context)).toThrow(
      /Name is the name of another drug of the catalogue, “Triamcinolone acetonide” \(triamcinolone\), or looks the same/,
    );
    expect(() => saveDrug(store, { ...impostor, name: 'TRIAMCINOLONE  ACETONIDE' }, context)).toThrow(/another drug/);
    expect(drugCatalogue(store).some((drug) => drug.code === impostor.code)).toBe(false);
    expect(saveDrug(store, { ...triamcinolone, name: 'Triamcinolone Acetonide' }, context).name).toBe(
      'Triamcinolone Acetonide',
    );
    expect(saveDrug(store, { ...impostor, name: 'Triamcinolone (new supplier)' }, context).code).toBe(impostor.code);
    store.close();
  });

  it('does not stop a drug that keeps its stored name from being saved, so a look-alike already here can be deactivated', () => {
    const { store } = tempStore();
    // A look-alike written before the rule (with sqlite3 or an older RootLog).
    store.writer.db
      .prepare(
        "INSERT INTO drug_catalogue (code, name, drug_class, particulate, dosing, active) SELECT ?, ?, drug_class, particulate, dosing, 1 FROM drug_catalogue WHERE code = 'triamcinolone'",
      )
      .run(impostor.code, impostor.name);
    const stored = drugCatalogue(store).find((drug) => drug.code === impostor.code);
    if (!stored) throw new Error('the look-alike is in the catalogue');
    expect(saveDrug(store, { ...stored, active: false }, context).active).toBe(false);
    expect(saveDrug(store, { ...triamcinolone, usualDoseMg: 20 }, context).usualDoseMg).toBe(20);
    // A new name is still asked.
    expect(() => saveDrug(store, { ...stored, name: 'TRIAMCINOLONE ACETONIDE' }, context)).toThrow(/another drug/);
    store.close();
  });

  it('is refused from an import file, for that drug alone', async () => {
    const { store } = tempStore();
    const out = tempPath('source.json');
    await runExport(store, { format: 'json', out });
    store.close();
    const data = JSON.parse(readFileSync(out, 'utf8'));
    data.drugCatalogue.push(impostor, { ...impostor, code: 'kenacort', name: 'Kenacort' });
    const path = tempPath('import.json');
    writeFileSync(path, JSON.stringify(data));
    const into = tempStore().store;
    const report = await importFile(into, path, context);
    const at = data.drugCatalogue.length - 2;
    expect(report.rejected).toEqual([
      {
        id: `drug #${at + 1}`,
        problems: [
          {
            field: `drugCatalogue[${at}].name`,
            message: expect.stringMatching(/another drug of the catalogue, “Triamcinolone acetonide”/),
            words: expect.objectContaining({ message: expect.objectContaining({ id: 'refusal.drugNameTaken' }) }),
          },
        ],
      },
    ]);
    const codes = drugCatalogue(into).map((drug) => drug.code);
    expect(codes).toContain('kenacort');
    expect(codes).not.toContain(impostor.code);
    into.close();
  });

  it('is refused from the hub, in words, and nothing is written', () => {
    const { store } = tempStore();
    const write = store.writer;
    const apply = applyContext({ store, me: 'CT-B', actor: 'hub sync', now: new Date() });
    const outcome = write.db.transaction(() =>
      applyCatalogue(apply, {
        kind: 'drug',
        format: ENTRY_FORMAT,
        console: 'CT-A',
        key: impostor.code,
        version: 1,
        value: impostor,
        at: new Date().toISOString(),
      }),
    )();
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(inEnglish(outcome.reason)).toMatch(
      /^the drug’s name is the name of another drug .*“Triamcinolone acetonide”/,
    );
    expect(drugCatalogue(store).some((drug) => drug.code === impostor.code)).toBe(false);
    store.close();
  });
});

describe('the look-alike key', () => {
  it('folds the letters of other scripts and the forms Unicode maps to Latin letters', () => {
    for (const [what, name] of [
      ['fullwidth forms (NFKC)', 'Ｋｅｌｌｅｒ'],
      ['mathematical bold (NFKC)', '𝐊𝐞𝐥𝐥𝐞𝐫'],
      ['mathematical sans-serif (NFKC)', '𝖪𝖾𝗅𝗅𝖾𝗋'],
      ['a Cyrillic е', 'K\u0435ller'],
      ['a Greek Κ', '\u039aeller'],
      ['Cherokee capitals', '\u13e6eller'],
      ['a Cherokee small letter', '\uabb6eller'],
    ] as const)
      expect(lookAlikeKey(name), what).toBe(lookAlikeKey('Keller'));
    expect(lookAlikeKey('Triamcin\u0585lone'), 'an Armenian օ').toBe(lookAlikeKey('Triamcinolone'));
    expect(lookAlikeKey('Sch\u0578ll')).toBe(lookAlikeKey('Schnll'));
    expect(lookAlikeKey('\u0570ofer')).toBe(lookAlikeKey('Hofer'));
    expect(lookAlikeKey('M\u057dller')).toBe(lookAlikeKey('Muller'));
  });

  it('does not fold what it does not claim to: digits for letters, two letters for one', () => {
    expect(lookAlikeKey('K0ller')).not.toBe(lookAlikeKey('Koller'));
    expect(lookAlikeKey('Rnorf')).not.toBe(lookAlikeKey('Morf'));
    expect(lookAlikeKey('Müller')).not.toBe(lookAlikeKey('Muller'));
  });
});
