import { beforeEach, describe, expect, it } from 'vitest';
import { auditHistory } from './audit.js';
import { DEFAULT_DRUG_CATALOGUE, STARTING_REFERENCE_LEVELS } from './model/index.js';
import { saveDraft } from './procedures.js';
import { getSettings, pseudonymKey, saveDrug, saveOperator, updateSettings } from './settings.js';
import type { Store } from './store.js';
import { completeDraft, context, tempStore } from './testing/fixtures.js';

const ctLevel = (value: number) => ({
  levels: [
    { modality: 'ct' as const, protocol: 'any' as const, quantity: 'dlpMGyCm' as const, value, origin: 'set' as const },
  ],
});

let store: Store;
let operatorId: string;
beforeEach(() => {
  ({ store, operatorId } = tempStore());
});

describe('department settings', () => {
  it('start with the defaults of the data dictionary, and never show the key', () => {
    const settings = getSettings(store);
    expect(settings.referenceLevels).toEqual(STARTING_REFERENCE_LEVELS);
    expect(settings.referenceLevels.levels.every((level) => level.origin === 'starting')).toBe(true);
    expect(settings.steroidDayMaxDexamethasoneMg).toBe(30);
    // The database's catalogue is the model's default one, drug for drug (migrations 1 and 10).
    expect(
      [...settings.drugCatalogue]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map(({ code, name, particulate, maxDoseMg }) => ({ code, name, particulate, maxDoseMg })),
    ).toEqual(
      [...DEFAULT_DRUG_CATALOGUE]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map(({ code, name, particulate, maxDoseMg }) => ({ code, name, particulate, maxDoseMg })),
    );
    expect(settings.consoleName.length).toBeGreaterThan(0);
    expect(JSON.stringify(settings)).not.toContain(pseudonymKey(store));
  });

  it('change reference levels, console name and default operator, with an audit row', () => {
    updateSettings(
      store,
      { referenceLevels: ctLevel(150), consoleName: 'CT 2', defaultOperatorId: operatorId },
      context,
    );
    expect(getSettings(store)).toMatchObject({
      referenceLevels: ctLevel(150),
      consoleName: 'CT 2',
      defaultOperatorId: operatorId,
    });
    const [entry] = auditHistory(store, 'settings', 'department');
    expect(entry?.changes['referenceLevels.levels[0].value']).toEqual({ before: 200, after: 150 });
  });

  it('new reference levels change the warnings of the next save', () => {
    expect(saveDraft(store, completeDraft(operatorId, { dlpMGyCm: 180 }), context).warnings).toEqual([]);
    updateSettings(store, { referenceLevels: ctLevel(150) }, context);
    expect(
      saveDraft(store, completeDraft(operatorId, { patientId: 'P2', dlpMGyCm: 180 }), context).warnings.map(
        (w) => w.code,
      ),
    ).toEqual(['dlp_above_reference']);
  });

  it('refuse bad settings with the field and change nothing', () => {
    expect(() => updateSettings(store, { referenceLevels: ctLevel(-5) }, context)).toThrowError(
      expect.objectContaining({ field: 'referenceLevels.levels[0].value' }),
    );
    const twice = { levels: [...ctLevel(150).levels, ...ctLevel(160).levels] };
    expect(() => updateSettings(store, { referenceLevels: twice }, context)).toThrowError(
      expect.objectContaining({ field: 'referenceLevels.levels[1]' }),
    );
    expect(() => updateSettings(store, { steroidDayMaxDexamethasoneMg: 0 }, context)).toThrowError(
      expect.objectContaining({ field: 'steroidDayMaxDexamethasoneMg' }),
    );
    expect(() => updateSettings(store, { defaultOperatorId: 'ghost' }, context)).toThrowError(
      expect.objectContaining({ field: 'defaultOperatorId' }),
    );
    expect(() => updateSettings(store, { pseudonymKey: 'mine' }, context)).toThrowError(
      expect.objectContaining({ field: 'pseudonymKey' }),
    );
    expect(getSettings(store).referenceLevels).toEqual(STARTING_REFERENCE_LEVELS);
  });

  it('read the two figures a logbook from before schema 9 kept, for the same modalities', () => {
    store.writer.db
      .prepare("UPDATE settings SET value = ? WHERE key = 'referenceLevels'")
      .run(JSON.stringify({ ctDlpMGyCm: 180, fluoroTimeS: 60 }));
    const { levels } = getSettings(store).referenceLevels;
    expect(
      levels
        .filter((level) => level.quantity === 'dlpMGyCm')
        .map((level) => [level.modality, level.value, level.origin]),
    ).toEqual([
      ['ct', 180, 'set'],
      ['ct_fluoroscopy', 180, 'set'],
      ['ct_and_fluoroscopy', 180, 'set'],
    ]);
    expect(
      levels.filter((level) => level.quantity === 'fluoroTimeS').every((level) => level.origin === 'starting'),
    ).toBe(true);
    expect(saveDraft(store, completeDraft(operatorId, { dlpMGyCm: 190 }), context).warnings.map((w) => w.code)).toEqual(
      ['dlp_above_reference'],
    );
  });

  it('edit operators and the drug catalogue with audit rows', () => {
    saveOperator(store, { id: operatorId, name: 'Dr. A. Keller-Roth' }, context);
    expect(getSettings(store).operators.map((o) => o.name)).toEqual(['Dr. A. Keller-Roth']);
    saveDrug(
      store,
      {
        code: 'dexamethasone',
        name: 'Dexamethasone',
        drugClass: 'steroid',
        particulate: false,
        dosing: 'mg',
        usualDoseMg: 8,
        maxDoseMg: 12,
      },
      context,
    );
    expect(getSettings(store).drugCatalogue.find((d) => d.code === 'dexamethasone')?.maxDoseMg).toBe(12);
    expect(auditHistory(store, 'drug', 'dexamethasone')[0]?.changes.maxDoseMg).toEqual({ before: 15, after: 12 });
    expect(() => saveDrug(store, { code: 'X', name: '', drugClass: 'vitamin' }, context)).toThrowError(
      expect.objectContaining({ code: 'validation' }),
    );
    expect(() =>
      saveDrug(
        store,
        {
          code: 'newdrug',
          name: 'New',
          drugClass: 'steroid',
          particulate: false,
          dosing: 'mg',
          usualDoseMg: 20,
          maxDoseMg: 10,
        },
        context,
      ),
    ).toThrowError(expect.objectContaining({ field: 'usualDoseMg' }));
    // A local anaesthetic's default and usual concentrations are the department's to edit.
    const ropivacaine = getSettings(store).drugCatalogue.find((d) => d.code === 'ropivacaine');
    saveDrug(store, { ...ropivacaine, defaultConcentrationMgPerMl: 7.5, usualConcentrationMaxMgPerMl: 7.5 }, context);
    expect(getSettings(store).drugCatalogue.find((d) => d.code === 'ropivacaine')).toMatchObject({
      defaultConcentrationMgPerMl: 7.5,
      usualConcentrationMinMgPerMl: 2,
      usualConcentrationMaxMgPerMl: 7.5,
    });
    expect(auditHistory(store, 'drug', 'ropivacaine')[0]?.changes.usualConcentrationMaxMgPerMl).toEqual({
      before: 10,
      after: 7.5,
    });
    expect(() =>
      saveDrug(store, { ...ropivacaine, usualConcentrationMinMgPerMl: 8, usualConcentrationMaxMgPerMl: 7.5 }, context),
    ).toThrowError(expect.objectContaining({ field: 'usualConcentrationMinMgPerMl' }));
    expect(() => saveOperator(store, { id: 'ghost', name: 'Nobody' }, context)).toThrowError(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});
