import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../maintenance.js';
import { drugCatalogue, saveDrug } from '../settings.js';
import { context, tempStore } from '../testing/fixtures.js';

/*
 * A catalogue holding two drugs whose names look the same, from before the rule that refuses
 * them (issue 23, item 9): `rootlog check` names the pair for the pharmacist or IT who corrects
 * it, and stops once one is renamed or made inactive.
 */

describe('rootlog check and look-alike drug names', () => {
  it('names two offered drugs whose names look the same, and no longer once one is inactive', () => {
    const { store } = tempStore();
    const path = store.path;
    // Written before the rule (with sqlite3 or an older RootLog), with a Cyrillic "о".
    store.writer.db
      .prepare(
        `INSERT INTO drug_catalogue (code, name, drug_class, particulate, dosing, active)
         SELECT ?, ?, drug_class, particulate, dosing, 1 FROM drug_catalogue WHERE code = 'triamcinolone'`,
      )
      .run('triamcinolone_copy', 'Triamcin\u043elone acetonide');
    const triamcinolone = drugCatalogue(store).find((drug) => drug.code === 'triamcinolone');
    if (!triamcinolone) throw new Error('the catalogue has triamcinolone');
    const before = checkDatabase(path).ledger;
    expect(before?.lookAlikeDrugs).toEqual([
      `the drugs “${triamcinolone.name}” (code triamcinolone) and “Triamcin\u043elone acetonide” (code triamcinolone_copy) have names that look the same: a clinician choosing one can take the other, and reports and exports cannot tell them apart; rename one, or make one inactive, in Settings → Drugs`,
    ]);
    const copy = drugCatalogue(store).find((drug) => drug.code === 'triamcinolone_copy');
    if (!copy) throw new Error('the copy is in the catalogue');
    saveDrug(store, { ...copy, active: false }, context);
    expect(checkDatabase(path).ledger?.lookAlikeDrugs).toEqual([]);
    store.close();
  });

  it('says nothing of a catalogue as RootLog makes it', () => {
    const { store } = tempStore();
    const report = checkDatabase(store.path);
    store.close();
    expect(report.ledger?.lookAlikeDrugs).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
